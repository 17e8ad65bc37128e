package org.carecircle.institution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.carecircle.area.Area;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "institution")
public class Institution extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String address;
    public Point location;
    /** Set by the database (trigger): the smallest area covering the location. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id", insertable = false, updatable = false)
    public Area area;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;
    public boolean inclusive;
    public boolean registered;
    public Integer grade;
    @Enumerated(EnumType.STRING)
    public Demonstration demonstration;
    public boolean openToPublic;
    @Enumerated(EnumType.STRING)
    public InstitutionStatus status;
    @ElementCollection
    @CollectionTable(name = "institution_service_mode", joinColumns = @JoinColumn(name = "institution_id"))
    @Column(name = "service_mode")
    @Enumerated(EnumType.STRING)
    public Set<ServiceMode> serviceModes = EnumSet.noneOf(ServiceMode.class);
    @OneToMany(mappedBy = "institution", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ageGroup")
    public List<ClassGroup> classGroups = new ArrayList<>();
    public String externalId;
    public String source;
    public boolean estimated;
    public String estimationMethod;
    /** Raised by every save (InstitutionWriter); an update names the version it edits. */
    public int version;
}
