package etl.pipelines;

import etl.pipelines.core.WarehouseJob;
import etl.pipelines.movalytics.MovalyticsJob;
import etl.pipelines.sparkify.SparkifyJob;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one list of warehouses. The commands, their help and the generators read it; a new warehouse
 * is one line here.
 */
public final class Warehouses {
  public static final List<WarehouseJob<?>> ALL = List.of(new SparkifyJob(), new MovalyticsJob());

  private Warehouses() {}

  /** The warehouse of that name; {@link IllegalArgumentException} naming the choices otherwise. */
  public static WarehouseJob<?> named(String name) {
    if (name == null) {
      throw new IllegalArgumentException("name the warehouse: " + names(" or "));
    }
    return ALL.stream()
        .filter(w -> w.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown warehouse '" + name + "' (" + names(" or ") + ")"));
  }

  public static List<String> names() {
    return ALL.stream().map(WarehouseJob::name).toList();
  }

  private static String names(String separator) {
    return ALL.stream().map(WarehouseJob::name).collect(Collectors.joining(separator));
  }
}
