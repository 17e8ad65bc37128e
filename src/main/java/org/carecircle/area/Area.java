package org.carecircle.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.MultiPolygon;

@Entity
@Table(name = "area")
public class Area extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public AreaLevel level;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Area parent;
    public MultiPolygon boundary;
    public Integer residents;
    public Integer residentsYear;
    public String source;
    public boolean estimated;
    public String estimationMethod;
    /** Hibernate raises it on every save and refuses a save on a stale row (another planner's in between). */
    @Version
    public int version = 1;

    public static Area findByCode(String code) {
        return find("code", code).firstResult();
    }
}
