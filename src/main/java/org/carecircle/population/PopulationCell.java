package org.carecircle.population;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Polygon;

@Entity
@Table(name = "population_cell")
public class PopulationCell extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String cellId;
    public Polygon boundary;
    public double residents;
    public double childrenUnder3;
    public String source;
    public Integer year;
    public boolean estimated;
    public String estimationMethod;
}
