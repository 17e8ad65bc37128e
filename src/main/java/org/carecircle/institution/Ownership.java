package org.carecircle.institution;

/** 公办 / 公建民营 / 民办公助 / 民办. */
public enum Ownership {
    PUBLIC, PUBLIC_BUILT_PRIVATELY_RUN, PRIVATE_PUBLICLY_AIDED, PRIVATE
}
