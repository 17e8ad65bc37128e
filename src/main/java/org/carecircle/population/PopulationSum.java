package org.carecircle.population;

/** Population summed over grid cells; {@code estimated} when any summed cell is an estimate. */
public record PopulationSum(double residents, double childrenUnder3, boolean estimated) {
}
