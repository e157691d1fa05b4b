package io.github.cxmetrics.cli;

/** The input data is unusable: a bad value, an empty file. Exit code 1. */
final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
        super(message);
    }
}
