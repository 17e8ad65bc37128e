package org.carecircle.network;

/** Fired once the walking network is loaded (imported or from the cache). */
public record NetworkLoaded(NetworkLoader.Loaded network) {
}
