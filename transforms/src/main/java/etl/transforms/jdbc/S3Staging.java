package etl.transforms.jdbc;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Where and how Redshift's {@code COPY} takes staged rows from S3: a scratch prefix the pipeline
 * writes gzip-compressed CSV files to, the IAM role Redshift assumes to read them, and the bucket's
 * region. No secret is held here: Redshift authenticates through the role (the AWS-recommended
 * way), the pipeline through the AWS default credential chain.
 */
public final class S3Staging implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern PREFIX =
      Pattern.compile("s3://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9](/[A-Za-z0-9._=\\-]+)*/?");
  private static final Pattern ROLE =
      Pattern.compile("arn:aws[a-z\\-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/\\-]{1,512}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

  private final String prefix;
  private final String iamRole;
  private final String region;

  private S3Staging(String prefix, String iamRole, String region) {
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    this.iamRole = iamRole;
    this.region = region;
  }

  /**
   * Checks every part against a strict pattern (they end up as literals in the COPY statement):
   * {@code s3://bucket/prefix}, {@code arn:aws:iam::123456789012:role/name}, {@code eu-west-1}.
   */
  public static S3Staging of(String prefix, String iamRole, String region) {
    require(prefix, PREFIX, "the S3 staging prefix (s3://bucket/path)");
    require(iamRole, ROLE, "the IAM role for COPY (arn:aws:iam::<account>:role/<name>)");
    require(region, REGION, "the region of the staging bucket (e.g. eu-west-1)");
    return new S3Staging(prefix, iamRole, region);
  }

  private static void require(String value, Pattern pattern, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("Invalid " + what + ": " + value);
    }
  }

  /** The folder for one run's files of one table: {@code <prefix><runId>/<table>/}. */
  public String folder(String runId, String table) {
    return prefix + runId + "/" + table + "/";
  }

  public String iamRole() {
    return iamRole;
  }

  public String region() {
    return region;
  }

  @Override
  public String toString() {
    return prefix + " (role " + iamRole + ", " + region + ")";
  }
}
