package etl.pipelines.run;

import etl.pipelines.core.ConfigException;
import etl.pipelines.core.Errors;
import etl.pipelines.core.Inputs;
import etl.transforms.io.ReadFiles;
import etl.transforms.jdbc.Warehouse;
import etl.transforms.sql.SqlRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental loads: the {@code etl_loaded_file} manifest decides which files of an input a run
 * reads. A file is read when the warehouse holds no version of it, or holds another one; a file is
 * another version when its size differs, or its checksum does. The checksum is the file system's
 * (an S3 ETag) or, where there is none (local files), the SHA-256 of the bytes — computed only for
 * files whose size or modification time changed, so a file that was merely touched or copied again
 * is not read twice, and an unchanged folder costs one listing.
 *
 * <p>The files a run selects are recorded before the pipeline starts and become the current version
 * in the transaction that publishes the run ({@code publish_run_files.sql}); a run that fails
 * leaves the manifest as it was, and the next run reads the same files again.
 */
public final class FileManifest {
  private static final Logger LOG = LoggerFactory.getLogger(FileManifest.class);

  private final Warehouse warehouse;
  private final String pipeline;
  private final boolean fullRefresh;
  private final List<Selection> selections = new ArrayList<>();

  FileManifest(Warehouse warehouse, String pipeline, boolean fullRefresh) {
    this.warehouse = warehouse;
    this.pipeline = pipeline;
    this.fullRefresh = fullRefresh;
  }

  /** A file this run reads, with the version it reads. */
  public record FileVersion(MatchResult.Metadata metadata, String checksum) {
    String uri() {
      return metadata.resourceId().toString();
    }
  }

  /** What one incremental input's listing found, and what this run reads of it. */
  public record Selection(
      String step, String pattern, int listed, List<FileVersion> toRead, boolean fullRefresh) {
    public int alreadyLoaded() {
      return listed - toRead.size();
    }

    @Override
    public String toString() {
      return fullRefresh
          ? String.format(
              java.util.Locale.ROOT, "%s: %d files listed, all read (full refresh)", step, listed)
          : String.format(
              java.util.Locale.ROOT,
              "%s: %d files listed, %d already loaded, %d read",
              step,
              listed,
              alreadyLoaded(),
              toRead.size());
    }
  }

  boolean fullRefresh() {
    return fullRefresh;
  }

  List<Selection> selections() {
    return List.copyOf(selections);
  }

  /**
   * Restricts a read to the files of its pattern that are new or changed (all, with
   * --full-refresh).
   */
  ReadFiles select(ReadFiles read) {
    String step = read.getName();
    List<MatchResult.Metadata> listed = Inputs.list(step, read.filepattern());
    Map<String, Loaded> loaded = fullRefresh ? Map.of() : loaded(step);
    List<FileVersion> toRead = new ArrayList<>();
    for (MatchResult.Metadata file : listed) {
      String uri = file.resourceId().toString();
      Loaded before = loaded.get(uri);
      String fsChecksum = file.checksum();
      if (before != null
          && before.size == file.sizeBytes()
          && (fsChecksum != null
              ? before.checksum.equals(fsChecksum)
              : before.modifiedMillis == file.lastModifiedMillis())) {
        continue;
      }
      String checksum = fsChecksum != null ? fsChecksum : sha256(file);
      if (before != null && before.size == file.sizeBytes() && before.checksum.equals(checksum)) {
        continue; // touched or copied again, same bytes
      }
      toRead.add(new FileVersion(file, checksum));
    }
    Selection selection =
        new Selection(step, read.filepattern(), listed.size(), toRead, fullRefresh);
    selections.add(selection);
    LOG.info("{}", selection);
    return read.onlyFiles(toRead.stream().map(FileVersion::metadata).toList());
  }

  /** Records the selected files as read by this run, not yet current (before the pipeline runs). */
  void record(String runId) throws SQLException {
    try (Connection c = warehouse.connect()) {
      c.setAutoCommit(false);
      for (Selection s : selections) {
        for (FileVersion f : s.toRead()) {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("pipeline", pipeline);
          p.put("step", s.step());
          p.put("uri", f.uri());
          p.put("size_bytes", f.metadata().sizeBytes());
          p.put("modified_at", new Timestamp(f.metadata().lastModifiedMillis()));
          p.put("checksum", f.checksum());
          p.put("run_id", runId);
          SqlRunner.execute(c, warehouse.dialect().script("common", "record_run_file.sql"), p);
        }
      }
      c.commit();
    }
  }

  private record Loaded(long size, long modifiedMillis, String checksum) {}

  private Map<String, Loaded> loaded(String step) {
    Map<String, Loaded> byUri = new LinkedHashMap<>();
    try (Connection c = warehouse.connect()) {
      for (Map<String, Object> row :
          SqlRunner.queryAll(
              c,
              warehouse.dialect().script("common", "loaded_files.sql"),
              Map.of("pipeline", pipeline, "step", step))) {
        byUri.put(
            (String) row.get("uri"),
            new Loaded(
                ((Number) row.get("size_bytes")).longValue(),
                ((Timestamp) row.get("modified_at")).getTime(),
                (String) row.get("checksum")));
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Cannot read the file manifest etl_loaded_file: " + Errors.firstLine(e.getMessage()), e);
    }
    return byUri;
  }

  /**
   * The SHA-256 of a file's bytes as stored (compressed files are not decompressed). An unreadable
   * file gets no checksum and is read, so that the read dead-letters it.
   */
  private static String sha256(MatchResult.Metadata file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) != -1) {
        digest.update(buffer, 0, n);
      }
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      return "unreadable";
    }
  }
}
