package etl.transforms.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/** Binds constants first, then every schema field by its type; nulls keep their SQL type. */
final class RowSetter implements JdbcIO.PreparedStatementSetter<Row> {
  private static final long serialVersionUID = 1L;
  private final List<Object> constants;
  private transient Calendar utc;

  RowSetter(List<Object> constants) {
    this.constants = constants;
  }

  @Override
  public void setParameters(Row row, PreparedStatement ps) throws SQLException {
    if (utc == null) {
      utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
    int p = 1;
    for (Object c : constants) {
      ps.setObject(p++, c);
    }
    List<Schema.Field> fields = row.getSchema().getFields();
    for (int i = 0; i < fields.size(); i++, p++) {
      set(ps, p, fields.get(i).getType(), row.getValue(i));
    }
  }

  private void set(PreparedStatement ps, int p, Schema.FieldType type, Object v)
      throws SQLException {
    switch (type.getTypeName()) {
      case STRING:
        if (v == null) ps.setNull(p, Types.VARCHAR);
        else ps.setString(p, (String) v);
        break;
      case INT16:
        if (v == null) ps.setNull(p, Types.SMALLINT);
        else ps.setShort(p, (Short) v);
        break;
      case INT32:
        if (v == null) ps.setNull(p, Types.INTEGER);
        else ps.setInt(p, (Integer) v);
        break;
      case INT64:
        if (v == null) ps.setNull(p, Types.BIGINT);
        else ps.setLong(p, (Long) v);
        break;
      case DOUBLE:
        if (v == null) ps.setNull(p, Types.DOUBLE);
        else ps.setDouble(p, (Double) v);
        break;
      case DECIMAL:
        if (v == null) ps.setNull(p, Types.NUMERIC);
        else ps.setBigDecimal(p, (BigDecimal) v);
        break;
      case BOOLEAN:
        if (v == null) ps.setNull(p, Types.BOOLEAN);
        else ps.setBoolean(p, (Boolean) v);
        break;
      case DATETIME:
        if (v == null) {
          ps.setNull(p, Types.TIMESTAMP);
        } else {
          ps.setTimestamp(p, new Timestamp(((ReadableInstant) v).getMillis()), utc);
        }
        break;
      case LOGICAL_TYPE:
        if (v == null) ps.setNull(p, Types.OTHER);
        else ps.setObject(p, v);
        break;
      default:
        throw new SQLException("Unsupported staging column type " + type);
    }
  }
}
