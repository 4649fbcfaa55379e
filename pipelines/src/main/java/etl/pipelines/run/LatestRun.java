package etl.pipelines.run;

import etl.pipelines.core.ConfigException;
import etl.pipelines.core.Errors;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The latest recorded run of a warehouse, for the commands that work on a loaded one. */
public final class LatestRun {
  private LatestRun() {}

  /** The latest run that published ({@code latest_run.sql}). */
  public static Map<String, Object> published(Warehouse warehouse, String pipeline) {
    return query(warehouse, pipeline, "latest_run.sql");
  }

  /** The latest run whatever its outcome ({@code latest_run_any.sql}). */
  public static Map<String, Object> any(Warehouse warehouse, String pipeline) {
    return query(warehouse, pipeline, "latest_run_any.sql");
  }

  /** A query of the run's bookkeeping ({@code sql/common/}), with {@code :run_id}. */
  public static List<Map<String, Object>> rows(
      Warehouse warehouse, Map<String, Object> run, String file) {
    try (Connection c = warehouse.connect()) {
      return SqlRunner.queryAll(
          c, warehouse.dialect().script("common", file), Map.of("run_id", run.get("run_id")));
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot read " + file + " at " + warehouse + ": " + Errors.firstLine(e.getMessage()), e);
    }
  }

  private static Map<String, Object> query(Warehouse warehouse, String pipeline, String file) {
    List<Map<String, Object>> latest;
    try (Connection c = warehouse.connect()) {
      latest =
          SqlRunner.queryAll(
              c, warehouse.dialect().script("common", file), Map.of("pipeline", pipeline));
    } catch (SQLException e) {
      throw new ConfigException(
          "No "
              + pipeline
              + " warehouse at "
              + warehouse
              + " ("
              + Errors.firstLine(e.getMessage())
              + ")",
          e);
    }
    if (latest.isEmpty()) {
      throw new ConfigException(
          "No " + pipeline + " run has been recorded at " + warehouse + "; load it first");
    }
    return latest.get(0);
  }
}
