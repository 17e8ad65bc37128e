package org.carecircle.population;

import java.util.stream.Stream;

/** Population summed over grid cells; {@code estimated} when any summed cell is an estimate. */
public record PopulationSum(double residents, double childrenUnder3, boolean estimated) {
    public static PopulationSum of(Stream<PopulationService.CellCentre> cells) {
        double[] sums = new double[2];
        boolean[] estimated = {false};
        cells.forEach(cell -> {
            sums[0] += cell.residents();
            sums[1] += cell.childrenUnder3();
            estimated[0] |= cell.estimated();
        });
        return new PopulationSum(sums[0], sums[1], estimated[0]);
    }
}
