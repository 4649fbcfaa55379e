package etl.pipelines.core;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options every warehouse load takes (and the connection options of {@link ConnectionOptions}).
 * Beam and runner options ({@code --runner}, {@code --sparkMaster}, {@code --awsRegion}, {@code
 * --endpoint}, …) pass through unchanged.
 *
 * <p>No option carries a password: it comes from the environment variable named by {@code
 * --dbPasswordEnv} or the file named by {@code --dbPasswordFile}, because runners print and display
 * their options.
 */
public interface WarehouseOptions extends ConnectionOptions {
  @Description("Folder or s3:// prefix holding the warehouse's input files.")
  @Validation.Required
  String getInput();

  void setInput(String value);

  @Description(
      "How rows reach the staging tables: copy (PostgreSQL COPY FROM STDIN, fastest), s3copy"
          + " (Redshift: gzip CSV files in --s3StagingPrefix, loaded by COPY with --copyIamRole),"
          + " jdbc (batched INSERTs, any database) or auto (copy on PostgreSQL; on Redshift s3copy"
          + " when --s3StagingPrefix is given, else jdbc).")
  @Default.Enum("AUTO")
  LoadMethodOption getLoadMethod();

  void setLoadMethod(LoadMethodOption value);

  @Description(
      "s3copy: scratch prefix for staged files, s3://bucket/path (one folder per run and table).")
  String getS3StagingPrefix();

  void setS3StagingPrefix(String value);

  @Description(
      "s3copy: the IAM role Redshift assumes to read the staged files"
          + " (arn:aws:iam::<account>:role/<name>).")
  String getCopyIamRole();

  void setCopyIamRole(String value);

  @Description("s3copy: region of the staging bucket (default: --awsRegion).")
  String getCopyRegion();

  void setCopyRegion(String value);

  @Description(
      "Read every file of the incremental inputs (event logs, song files, ratings, credits,"
          + " keywords), not only those new or changed since the last load, and rebuild the final"
          + " tables from them in the publishing transaction. Also --full-refresh.")
  @Default.Boolean(false)
  boolean getFullRefresh();

  void setFullRefresh(boolean value);

  @Description(
      "Also write the run summary as JSON to this file (status, exit code, accounting, rows, dead "
          + "letters, checks, files): for schedulers and alerting.")
  String getSummaryJson();

  void setSummaryJson(String value);

  @Description(
      "Seconds between progress lines on stderr when it is not a terminal (a terminal gets one line"
          + " updated in place).")
  @Default.Integer(30)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("Rows per JDBC batch when staging.")
  @Default.Integer(5000)
  int getBatchSize();

  void setBatchSize(int value);
}
