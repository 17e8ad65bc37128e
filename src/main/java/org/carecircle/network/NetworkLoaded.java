package org.carecircle.network;

import org.carecircle.engine.network.NetworkLoader;

/** Fired once the walking network is loaded (imported or from the cache). */
public record NetworkLoaded(NetworkLoader.Loaded network) {
}
