package etl.pipelines.cli;

import etl.pipelines.Warehouses;
import java.util.ArrayList;

/** Candidates for a warehouse parameter, shown in help: the registered warehouses. */
public final class WarehouseNames extends ArrayList<String> {
  private static final long serialVersionUID = 1L;

  public WarehouseNames() {
    super(Warehouses.names());
  }
}
