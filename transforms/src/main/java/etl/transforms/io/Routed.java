package etl.transforms.io;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The two outputs of every read, parse or validate step: the good records and the dead letters.
 *
 * <p>Returned by {@link ReadFiles} and {@link etl.transforms.parse.ParseRecords}, so a pipeline can
 * continue with {@link #good()} and must hand {@link #failed()} to the dead-letter sink.
 */
public final class Routed<T> implements POutput {
  private final Pipeline pipeline;
  private final TupleTag<T> goodTag;
  private final PCollection<T> good;
  private final TupleTag<DeadLetter> failedTag;
  private final PCollection<DeadLetter> failed;

  public Routed(
      Pipeline pipeline,
      TupleTag<T> goodTag,
      PCollection<T> good,
      TupleTag<DeadLetter> failedTag,
      PCollection<DeadLetter> failed) {
    this.pipeline = pipeline;
    this.goodTag = goodTag;
    this.good = good;
    this.failedTag = failedTag;
    this.failed = failed;
  }

  public PCollection<T> good() {
    return good;
  }

  public PCollection<DeadLetter> failed() {
    return failed;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(goodTag, good, failedTag, failed);
  }

  @Override
  public void finishSpecifyingOutput(
      String transformName, PInput input, PTransform<?, ?> transform) {}
}
