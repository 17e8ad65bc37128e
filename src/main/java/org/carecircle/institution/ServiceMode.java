package org.carecircle.institution;

/** 全日托 / 半日托 / 计时托 / 临时托. */
public enum ServiceMode {
    FULL_DAY, HALF_DAY, HOURLY, OCCASIONAL
}
