package org.carecircle.engine.network;

/**
 * What a limit measures: walking TIME (as flat-equivalent metres, slope and steps included) or
 * network DISTANCE in metres, as China's GB 50180 life circles are defined (300, 500, 1,000 m).
 */
public enum CostKind {
    TIME {
        @Override
        double forward(WalkingNetwork network, int edge) {
            return network.costForward[edge];
        }

        @Override
        double backward(WalkingNetwork network, int edge) {
            return network.costBackward[edge];
        }

        @Override
        float arc(WalkingNetwork network, int arc) {
            return network.arcCost[arc];
        }
    },
    DISTANCE {
        @Override
        double forward(WalkingNetwork network, int edge) {
            return Float.isFinite(network.costForward[edge]) ? network.edgeLength[edge] : Double.POSITIVE_INFINITY;
        }

        @Override
        double backward(WalkingNetwork network, int edge) {
            return Float.isFinite(network.costBackward[edge]) ? network.edgeLength[edge] : Double.POSITIVE_INFINITY;
        }

        @Override
        float arc(WalkingNetwork network, int arc) {
            return network.edgeLength[network.arcEdge[arc]];
        }
    };

    /** Cost of walking the whole edge from its base node to its adjacent node; +∞ if not allowed. */
    abstract double forward(WalkingNetwork network, int edge);

    abstract double backward(WalkingNetwork network, int edge);

    abstract float arc(WalkingNetwork network, int arc);
}
