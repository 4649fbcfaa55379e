package etl.pipelines.cli;

import org.apache.beam.sdk.util.ReleaseInfo;
import picocli.CommandLine;

/** The jar's version (from its manifest), or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "warehouse-etl " + (v == null ? "development" : v),
      "Apache Beam "
          + ReleaseInfo.getReleaseInfo().getVersion()
          + ", Java "
          + System.getProperty("java.version")
    };
  }
}
