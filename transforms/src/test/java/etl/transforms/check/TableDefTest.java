package etl.transforms.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import etl.transforms.check.TableDef.ForeignKey;
import etl.transforms.check.TableDef.Layer;
import etl.transforms.jdbc.Dialect;
import java.util.List;
import org.junit.Test;

/** Fixtures: {@code src/test/resources/sql/items/tables/} (valid), {@code .../broken/tables/}. */
public class TableDefTest {

  @Test
  public void loadsKeyForeignKeysChecksAndStagingSourcesFromTheTablesYml() {
    TableDef sale = TableDef.load("items", "f_sale");

    assertThat(sale.name()).isEqualTo("f_sale");
    assertThat(sale.layer()).isEqualTo(Layer.FACT);
    assertThat(sale.key()).containsExactly("sale_id");
    assertThat(sale.foreignKeys())
        .containsExactly(
            ForeignKey.nullable("item_id", "d_item", "item_id", "the till did not scan the item"));
    assertThat(sale.stagedFrom()).containsExactly("s_sale");
    assertThat(sale.description()).isEqualTo("One row per sale.");
  }

  @Test
  public void findsEachDialectsOwnFileBeforeTheSharedOne() {
    TableDef item = TableDef.load("items", "d_item");
    TableDef sale = TableDef.load("items", "f_sale");

    assertThat(item.merge(Dialect.POSTGRES).text()).contains("postgres_merge_of_d_item");
    assertThat(item.merge(Dialect.REDSHIFT).text()).contains("redshift_merge_of_d_item");
    assertThat(item.ddl(Dialect.REDSHIFT).name()).isEqualTo("items/tables/d_item/ddl.sql");
    assertThat(sale.ddl(Dialect.REDSHIFT).text()).contains("diststyle all");
    assertThat(sale.ddl(Dialect.POSTGRES).text()).doesNotContain("diststyle");
    assertThat(sale.merge(Dialect.POSTGRES).name()).isEqualTo("items/tables/f_sale/merge.sql");
  }

  @Test
  public void namesEachCustomCheckAfterItsTableAndFileInEachDialect() {
    TableDef item = TableDef.load("items", "d_item");

    List<Check> postgres = item.customChecks(Dialect.POSTGRES);
    List<Check> redshift = item.customChecks(Dialect.REDSHIFT);

    assertThat(postgres).extracting(Check::name).containsExactly("d_item_price_positive");
    assertThat(postgres.get(0).sql().name())
        .isEqualTo("items/tables/d_item/check_price_positive.sql");
    assertThat(redshift.get(0).sql().text()).contains("redshift's own");
  }

  @Test
  public void allChecksAreTheStandardOnesThenEachTablesOwn() {
    List<TableDef> tables = TableDef.loadAll("items", List.of("d_item", "f_sale"));

    List<Check> checks = Check.all(tables, Dialect.POSTGRES);

    assertThat(checks)
        .extracting(Check::name)
        .containsExactly(
            "d_item__not_empty",
            "d_item__item_id__not_null",
            "d_item__unique_key",
            "f_sale__not_empty",
            "f_sale__sale_id__not_null",
            "f_sale__unique_key",
            "f_sale__item_id__references_d_item",
            "d_item_price_positive");
  }

  @Test
  public void aStagingTableHasADdlButNoMerge() {
    TableDef staging = TableDef.load("items", "s_sale");

    assertThat(staging.layer()).isEqualTo(Layer.STAGING);
    assertThat(staging.key()).isEmpty();
    assertThat(staging.ddl(Dialect.POSTGRES).text()).contains("create table if not exists s_sale");
    assertThatThrownBy(() -> staging.merge(Dialect.POSTGRES))
        .hasMessageContaining("s_sale is a staging table");
  }

  @Test
  public void anUnknownFieldFailsNamingTheFileAndTheField() {
    assertThatThrownBy(() -> TableDef.load("broken", "unknown_field"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sql/broken/tables/unknown_field/unknown_field.yml")
        .hasMessageContaining("unknown field 'primary_key'");
  }

  @Test
  public void aDimensionWithoutAKeyFailsNamingTheFile() {
    assertThatThrownBy(() -> TableDef.load("broken", "no_key"))
        .hasMessageStartingWith("sql/broken/tables/no_key/no_key.yml: ")
        .hasMessageContaining("key is missing");
  }

  @Test
  public void aForeignKeyToAColumnItsTableLacksFailsNamingTheFileAndTheColumn() {
    assertThatThrownBy(() -> TableDef.load("broken", "fk_unknown_column"))
        .hasMessageStartingWith("sql/broken/tables/fk_unknown_column/fk_unknown_column.yml: ")
        .hasMessageContaining("references unknown column no_key.item_key");
  }

  @Test
  public void aListedCheckFileThatIsMissingFailsNamingTheFile() {
    assertThatThrownBy(() -> TableDef.load("broken", "missing_check"))
        .hasMessageStartingWith("sql/broken/tables/missing_check/missing_check.yml: ")
        .hasMessageContaining("check check_not_there.sql: no such file for postgres");
  }

  @Test
  public void anUnknownLayerOrAMissingTableFailsNamingTheFile() {
    assertThatThrownBy(() -> TableDef.load("broken", "bad_layer"))
        .hasMessageStartingWith("sql/broken/tables/bad_layer/bad_layer.yml: ")
        .hasMessageContaining("layer 'mart' is not one of");
    assertThatThrownBy(() -> TableDef.load("broken", "nowhere"))
        .hasMessage("sql/broken/tables/nowhere/nowhere.yml: no such file on the classpath");
  }

  @Test
  public void findsAColumnOnlyWhereTheDdlDefinesIt() {
    String ddl =
        "-- item_code is gone\ncreate table t (\n  item_id  bigint,\n  primary key (x)\n);";

    assertThat(TableYml.hasColumn(ddl, "item_id")).isTrue();
    assertThat(TableYml.hasColumn(ddl, "item_code")).isFalse();
    assertThat(TableYml.hasColumn(ddl, "x")).isFalse();
  }
}
