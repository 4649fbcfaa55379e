package etl.pipelines.core;

/**
 * One business question and the SQL files answering it, under {@code sql/<warehouse>/<dialect>/}
 * (or {@code portable/}): {@code sql} returns the answer's rows, {@code coverage} one row saying
 * what the answer covers.
 */
public record Answer(String name, String question, String sql, String coverage) {}
