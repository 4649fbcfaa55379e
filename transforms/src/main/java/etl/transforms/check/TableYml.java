package etl.transforms.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import etl.transforms.check.TableDef.ForeignKey;
import etl.transforms.check.TableDef.Layer;
import etl.transforms.jdbc.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a table's {@code <table>.yml} into a {@link TableDef}, strictly: an unknown field, a
 * missing one, a key or foreign key column its DDL lacks, a reference to a table or column that
 * does not exist, or a missing DDL, MERGE or check file is one error naming the file and every
 * problem found in it.
 */
final class TableYml {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final Pattern CHECK_FILE = Pattern.compile("check_[a-z0-9_]+\\.sql");

  /** The file as written; every list may be absent. */
  record Yml(
      String description,
      String layer,
      List<String> key,
      List<ForeignKeyYml> foreignKeys,
      List<String> checks,
      List<String> stagedFrom) {}

  record ForeignKeyYml(String column, String references, String nullableBecause) {}

  private TableYml() {}

  static String path(String warehouse, String table) {
    return "sql/" + TableDef.folder(warehouse, table) + "/" + table + ".yml";
  }

  static TableDef load(String warehouse, String table) {
    String path = path(warehouse, table);
    Yml yml = read(path);
    List<String> problems = new ArrayList<>();
    Layer layer = layer(yml.layer(), problems);
    List<String> key = orEmpty(yml.key());
    List<ForeignKey> foreignKeys = foreignKeys(orEmpty(yml.foreignKeys()), problems);
    if (yml.description() == null || yml.description().isBlank()) {
      problems.add("description is missing");
    }
    if (layer == Layer.STAGING) {
      if (!key.isEmpty() || !foreignKeys.isEmpty() || yml.stagedFrom() != null) {
        problems.add("a staging table has no key, foreign_keys or staged_from");
      }
    } else if (layer != null && key.isEmpty()) {
      problems.add("key is missing (a " + layer.yml() + " table needs one)");
    }
    if (problems.isEmpty()) {
      String folder = TableDef.folder(warehouse, table);
      checkFiles(folder, layer, orEmpty(yml.checks()), problems);
      checkColumns(warehouse, table, key, foreignKeys, problems);
      for (String staging : orEmpty(yml.stagedFrom())) {
        if (TableYml.class.getClassLoader().getResource(path(warehouse, staging)) == null) {
          problems.add(
              "staged_from " + staging + ": no such table (no " + path(warehouse, staging) + ")");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(path + ": " + String.join("; ", problems));
    }
    try {
      return new TableDef(
          warehouse,
          table,
          yml.description().strip(),
          layer,
          key,
          foreignKeys,
          orEmpty(yml.checks()),
          orEmpty(yml.stagedFrom()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static Yml read(String path) {
    try (InputStream in = TableYml.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException(path + ": no such file on the classpath");
      }
      Yml yml = YAML.readValue(in, Yml.class);
      if (yml == null) {
        throw new IllegalArgumentException(path + ": the file is empty");
      }
      return yml;
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(
          path
              + ": unknown field '"
              + e.getPropertyName()
              + "' (known: "
              + e.getKnownPropertyIds()
              + ")",
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          path + ": not a valid table description: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
  }

  private static Layer layer(String layer, List<String> problems) {
    if (layer == null) {
      problems.add("layer is missing (staging, dimension, fact or bridge)");
      return null;
    }
    for (Layer l : Layer.values()) {
      if (l.yml().equals(layer)) {
        return l;
      }
    }
    problems.add("layer '" + layer + "' is not one of staging, dimension, fact, bridge");
    return null;
  }

  private static List<ForeignKey> foreignKeys(List<ForeignKeyYml> yml, List<String> problems) {
    List<ForeignKey> result = new ArrayList<>();
    for (ForeignKeyYml fk : yml) {
      String[] ref = fk.references() == null ? new String[0] : fk.references().split("\\.", -1);
      if (fk.column() == null || ref.length != 2) {
        problems.add("a foreign key needs column and references: table.column, got " + fk);
      } else if (fk.nullableBecause() != null && fk.nullableBecause().isBlank()) {
        problems.add("foreign key " + fk.column() + ": nullable_because is blank");
      } else {
        result.add(new ForeignKey(fk.column(), ref[0], ref[1], fk.nullableBecause()));
      }
    }
    return result;
  }

  private static void checkFiles(
      String folder, Layer layer, List<String> checks, List<String> problems) {
    for (Dialect d : Dialect.values()) {
      if (!d.hasFileIn(folder, "ddl")) {
        problems.add("no " + d.folder() + " DDL (ddl." + d.folder() + ".sql or ddl.sql)");
      }
      if (layer != Layer.STAGING && !d.hasFileIn(folder, "merge")) {
        problems.add("no " + d.folder() + " MERGE (merge." + d.folder() + ".sql or merge.sql)");
      }
      for (String check : checks) {
        if (!CHECK_FILE.matcher(check).matches()) {
          problems.add("check " + check + ": a check file is named check_<what>.sql");
        } else if (!d.hasFileIn(folder, check.replaceFirst("\\.sql$", ""))) {
          problems.add("check " + check + ": no such file for " + d.folder());
        }
      }
    }
  }

  /** Key and foreign key columns must be columns of the DDL, in every dialect. */
  private static void checkColumns(
      String warehouse,
      String table,
      List<String> key,
      List<ForeignKey> foreignKeys,
      List<String> problems) {
    for (Dialect d : Dialect.values()) {
      String ddl = ddlText(warehouse, table, d);
      if (ddl == null) {
        continue; // reported by checkFiles
      }
      for (String k : key) {
        if (!hasColumn(ddl, k)) {
          problems.add("key column " + k + " is not in the " + d.folder() + " DDL");
        }
      }
      for (ForeignKey fk : foreignKeys) {
        if (!hasColumn(ddl, fk.column())) {
          problems.add(
              "foreign key column " + fk.column() + " is not in the " + d.folder() + " DDL");
        }
        String refDdl = ddlText(warehouse, fk.refTable(), d);
        if (refDdl == null) {
          problems.add("foreign key " + fk.column() + " references unknown table " + fk.refTable());
        } else if (!hasColumn(refDdl, fk.refColumn())) {
          problems.add(
              "foreign key "
                  + fk.column()
                  + " references unknown column "
                  + fk.refTable()
                  + "."
                  + fk.refColumn());
        }
      }
    }
  }

  private static String ddlText(String warehouse, String table, Dialect d) {
    String folder = TableDef.folder(warehouse, table);
    return d.hasFileIn(folder, "ddl") ? d.fileIn(folder, "ddl").text() : null;
  }

  /** A column definition line: the name first on its line, then a type. */
  static boolean hasColumn(String ddl, String column) {
    String code = ddl.replaceAll("--[^\\n]*", "").toLowerCase(Locale.ROOT);
    return Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(column) + "\"?\\s+[a-z]")
        .matcher(code)
        .find();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
