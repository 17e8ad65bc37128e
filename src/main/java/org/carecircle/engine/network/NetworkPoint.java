package org.carecircle.engine.network;

/**
 * A place on the network: {@code along} metres from the base node of {@code edge}, and the
 * straight {@code distance} in metres from the place it was snapped from.
 */
public record NetworkPoint(int edge, double along, double latitude, double longitude, double distance) {
}
