package org.carecircle.institution;

/** 示范单位: model institution at municipal or national level. */
public enum Demonstration {
    NONE, MUNICIPAL, NATIONAL
}
