package etl.transforms.io;

import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Beam's S3 client with path-style addressing ({@code http://host:port/bucket/key}), which
 * S3-compatible servers reached by host name (MinIO, s3proxy, …) need: Beam has no option for it.
 * Use with {@code --s3ClientFactoryClass=etl.transforms.io.PathStyleS3ClientBuilderFactory}.
 */
public class PathStyleS3ClientBuilderFactory extends DefaultS3ClientBuilderFactory {
  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    return super.createBuilder(options).forcePathStyle(true);
  }
}
