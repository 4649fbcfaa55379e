package etl.transforms.parse;

import etl.transforms.record.SourceRecord;
import java.io.Serializable;

/**
 * Plain parsing logic, testable without a pipeline: turns one raw record into a typed value or
 * rejects it with a reason. Must be deterministic and side-effect free.
 */
@FunctionalInterface
public interface RecordParser<T> extends Serializable {
  T parse(SourceRecord record) throws Rejected;
}
