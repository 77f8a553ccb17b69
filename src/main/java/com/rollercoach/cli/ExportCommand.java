package com.rollercoach.cli;

import com.rollercoach.io.AtomicOutput;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export REC --out FILE.csv}: a recording as the project's CSV format. */
@Command(name = "export", description = "Convert any session file or sensor export to the Roller Coach CSV format.")
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REC", description = "A session: recording, CSV, sensor export (zip, folder or one of its files) or serial capture")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE.csv if it exists")
  boolean force;

  @Override
  public Integer call() {
    SessionFile session = LiveSupport.openSession(input);
    OutputFiles.prepare(force, "session.csv", out);
    try {
      if (Files.exists(out) && Files.isSameFile(out, input)) throw new UserInputException(out + ": is the input file");
    } catch (IOException e) {
      throw new UserInputException(out + ": " + e.getMessage(), e);
    }
    long[] samples = {0};
    // "OUT: cannot write (why)" whether the writer fails while the samples stream (an unchecked
    // failure) or at its last flush: onto a full disk export printed a stack trace or blamed the input
    OutputFiles.writing(out, () -> {
      // All or nothing: a damaged input that stops the export half-way leaves no partial CSV.
      AtomicOutput.write(out, force, temp -> {
        try (CsvSampleWriter csv = CsvSampleWriter.create(temp, session.metadata())) {
          LiveSupport.play(session, () -> session.play(new com.rollercoach.core.sample.SampleSink() {
            @Override
            public void accept(com.rollercoach.core.sample.ImuSample s) {
              samples[0]++;
              csv.accept(s);
            }
          }));
          csv.end();
        }
      });
    });
    session.warnings().forEach(w -> Warnings.print(System.err, w));
    Wrote.print(System.err, out, samples[0] + (samples[0] == 1 ? " sample" : " samples"));
    return 0;
  }
}
