package org.carecircle.institution;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The classes of one age group at one institution: their slots and the children enrolled. */
@Entity
@Table(name = "class_group")
public class ClassGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "institution_id")
    public Institution institution;
    @Enumerated(EnumType.STRING)
    public AgeGroup ageGroup;
    public Integer classes;
    public int slots;
    public int enrolled;
}
