package etl.pipelines.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.rules.ExternalResource;

/**
 * A real S3 API (s3proxy over an in-memory blob store) on 127.0.0.1 with a free port, for the tests
 * that read inputs through Beam's S3 file system.
 */
public final class TestS3Server extends ExternalResource {
  public static final String ACCESS_KEY = "test-access-key";
  public static final String SECRET_KEY = "test-secret-key-do-not-print";

  private BlobStoreContext context;
  private S3Proxy proxy;

  @Override
  protected void before() throws Exception {
    Properties props = new Properties();
    context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(props)
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            // Beam's S3 writer always sends x-amz-server-side-encryption-bucket-key-enabled, which
            // s3proxy would otherwise refuse with 501 Not Implemented.
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 30_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.onSpinWait();
    }
  }

  @Override
  protected void after() {
    try {
      if (proxy != null) {
        proxy.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The Beam options that point the aws2 S3 file system at this server. */
  public String[] beamOptions() {
    return new String[] {
      "--endpoint=" + endpoint(),
      "--awsRegion=us-east-1",
      "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\""
          + ACCESS_KEY
          + "\",\"secretAccessKey\":\""
          + SECRET_KEY
          + "\"}"
    };
  }

  /** Creates an empty bucket. */
  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  /** Every key of a bucket, sorted. */
  public java.util.List<String> keys(String bucket) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (org.jclouds.blobstore.domain.StorageMetadata m :
        context
            .getBlobStore()
            .list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive())) {
      if (m.getType() == org.jclouds.blobstore.domain.StorageType.BLOB) {
        keys.add(m.getName());
      }
    }
    java.util.Collections.sort(keys);
    return keys;
  }

  /** The bytes of one object. */
  public byte[] read(String bucket, String key) {
    try (java.io.InputStream in =
        context.getBlobStore().getBlob(bucket, key).getPayload().openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a local folder into {@code s3://bucket/prefix/…}; returns that URI. */
  public String upload(Path dir, String bucket, String prefix) {
    BlobStore store = context.getBlobStore();
    store.createContainerInLocation(null, bucket);
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f -> {
                String key = prefix + "/" + dir.relativize(f).toString().replace('\\', '/');
                try {
                  store.putBlob(
                      bucket, store.blobBuilder(key).payload(Files.readAllBytes(f)).build());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "s3://" + bucket + "/" + prefix;
  }
}
