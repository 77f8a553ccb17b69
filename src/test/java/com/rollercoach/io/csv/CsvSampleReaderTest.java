package com.rollercoach.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvSampleReaderTest {
  private static List<ImuSample> read(String text) {
    List<ImuSample> out = new ArrayList<>();
    new CsvSampleReader(new StringReader(text), "s.csv").readTo(out::add);
    return out;
  }

  private static CsvFormatException failure(String text) {
    return assertThrows(CsvFormatException.class, () -> read(text));
  }

  @Test
  void readsMetadataAndColumnsInAnyOrderIgnoringExtras() {
    String text =
        "# recorded by a test\n"
            + "# roller_diameter_cm=14.5\n"
            + "#device = arduino nano\n"
            + "gz_dps,temp_c,t_s,ax_g,gx_dps,ay_g,gy_dps,az_g\n"
            + "3,25.1,100.0,0.1,1,0.2,2,0.9\n"
            + "\n"
            + "# a comment between rows\n"
            + "6,25.2,100.01,0.4,4,0.5,5,0.6\n";
    CsvSampleReader reader = new CsvSampleReader(new StringReader(text), "s.csv");
    SessionMetadata meta = reader.metadata();
    assertEquals(14.5, meta.number(SessionMetadata.ROLLER_DIAMETER_CM).getAsDouble());
    assertEquals("arduino nano", meta.get(SessionMetadata.DEVICE));
    List<ImuSample> out = new ArrayList<>();
    assertEquals(2, reader.readTo(out::add));
    assertEquals(new ImuSample(100.0, 0.1, 0.2, 0.9, 1, 2, 3), out.get(0));
    assertEquals(new ImuSample(100.01, 0.4, 0.5, 0.6, 4, 5, 6), out.get(1));
  }

  @Test
  void convertsSiUnitsToGAndDegreesPerSecond() {
    ImuSample s =
        read("t_s,ax_mps2,ay_mps2,az_mps2,gx_rads,gy_rads,gz_rads\n0,9.80665,0,-19.6133,3.14159265358979,0,-1\n")
            .get(0);
    assertEquals(1.0, s.axG(), 1e-12);
    assertEquals(-2.0, s.azG(), 1e-12);
    assertEquals(180.0, s.gxDps(), 1e-9);
    assertEquals(-57.29578, s.gzDps(), 1e-4);
  }

  @Test
  void missingColumnNamesFileLineAndColumn() {
    CsvFormatException e = failure("# x=1\nt_s,ax_g,ay_g,gx_dps,gy_dps,gz_dps\n0,0,0,0,0,0\n");
    assertEquals("s.csv:2: missing column az_g (or az_mps2) in the header", e.getMessage());
  }

  @Test
  void unparsableNumberNamesLineAndColumn() {
    CsvFormatException e =
        failure("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,abc,1,0,0,0\n0.02,0,0,1,0,0,0\n");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith("s.csv:3: column 3: 'abc'"), e.getMessage());
  }

  @Test
  void aNanValueCostsOneRowCountedWithItsReason() {
    List<ImuSample> got = new ArrayList<>();
    String text = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,nan,0,0\n0.01,0,0,1,0,0,0\n"
        + "0.02,inf,0,1,0,0,0\n0.03,0,0,1,0,0,0\n0.04,0,0,1,0,0,0\n";
    CsvSampleReader reader = new CsvSampleReader(new StringReader(text), "s.csv");
    assertEquals(3, reader.readTo(got::add));
    assertEquals(List.of(0.01, 0.03, 0.04), got.stream().map(ImuSample::tS).toList());
    assertEquals(List.of("s.csv:2: 2 bad samples dropped (2 non-finite value)"), reader.warnings());
  }

  @Test
  void timeGoingBackwardsCostsThatRowOnly() {
    List<ImuSample> got = new ArrayList<>();
    String text = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n1,0,0,1,0,0,0\n2,0,0,1,0,0,0\n1.5,0,0,1,0,0,0\n3,0,0,1,0,0,0\n";
    CsvSampleReader reader = new CsvSampleReader(new StringReader(text), "s.csv");
    assertEquals(3, reader.readTo(got::add));
    assertEquals(List.of(1.0, 2.0, 3.0), got.stream().map(ImuSample::tS).toList());
    assertEquals(List.of("s.csv:4: 1 bad sample dropped (1 time going backwards)"), reader.warnings());
  }

  @Test
  void mostlyBadRowsStillRefuseTheFile() {
    CsvFormatException e =
        failure("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,nan,0,1,0,0,0\n0.01,nan,0,1,0,0,0\n0.02,0,0,1,0,0,0\n");
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("2 bad samples dropped (2 non-finite value) of 3 rows"), e.getMessage());
  }

  @Test
  void emptyFilesAreErrors() {
    assertEquals("s.csv:1: empty file: no header line", failure("").getMessage());
    assertEquals("s.csv:2: empty file: no header line", failure("# only\n# comments\n").getMessage());
    assertEquals(
        "s.csv:2: no samples in the file",
        failure("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n").getMessage());
  }

  @Test
  void truncatedLastLineIsDroppedWithAWarning() {
    String text = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n0.02,0,0,1,0.";
    CsvSampleReader reader = new CsvSampleReader(new StringReader(text), "s.csv");
    List<ImuSample> got = new ArrayList<>();
    assertEquals(2, reader.readTo(got::add));
    assertEquals(1, reader.warnings().size());
    assertTrue(reader.warnings().get(0).startsWith("s.csv:4: last line is incomplete"));
  }

  @Test
  void shortLineInTheMiddleIsAnError() {
    CsvFormatException e =
        failure("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0\n0.02,0,0,1,0,0,0\n");
    assertEquals("s.csv:3: expected at least 7 fields, found 3", e.getMessage());
  }

  /**
   * A row repeating the previous t_s is a sample (a millisecond clock, a burst stamped on arrival):
   * every one is delivered, in order, and one note counts them. Dropped, half a burst's rotation was
   * lost.
   */
  @Test
  void repeatedTimestampsAreSamplesDeliveredInOrderWithOneNote() {
    String text =
        "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0,0,0,1,9,9,9\n0.01,0,0,1,0,0,0\n0.01,0,0,1,5,5,5\n";
    CsvSampleReader reader = new CsvSampleReader(new StringReader(text), "s.csv");
    List<ImuSample> got = new ArrayList<>();
    assertEquals(4, reader.readTo(got::add));
    assertEquals(List.of(0.0, 9.0, 0.0, 5.0), got.stream().map(ImuSample::gxDps).toList());
    assertEquals(List.of(0.0, 0.0, 0.01, 0.01), got.stream().map(ImuSample::tS).toList());
    assertEquals(
        List.of("s.csv:3: 2 rows repeat the previous t_s (a coarse clock, or samples delivered in a burst);"
            + " kept, and spaced on the device's clock for the analysis"),
        reader.warnings());
  }

  @Test
  void writerOutputReadsBackTheSameSamples() {
    StringWriter buf = new StringWriter();
    List<ImuSample> written =
        List.of(
            new ImuSample(1234.5, 0.01234, -0.99876, 0.00001, 12.3456, -0.0076, 249.9999),
            new ImuSample(1234.505, -2.0, 2.0, -0.5, -2000, 0, 0.0001));
    CsvSampleWriter w = new CsvSampleWriter(buf, new SessionMetadata(Map.of("device", "sim")));
    written.forEach(w::accept);
    w.end();
    CsvSampleReader r = new CsvSampleReader(new StringReader(buf.toString()), "w.csv");
    assertEquals("sim", r.metadata().get("device"));
    List<ImuSample> back = new ArrayList<>();
    r.readTo(back::add);
    assertEquals(written, back);
  }

  @Test
  void fixedFormattingRoundsAndSigns() {
    assertEquals("-0.0050", CsvSampleWriter.appendFixed(new StringBuilder(), -0.005, 4).toString());
    assertEquals("12.000000", CsvSampleWriter.appendFixed(new StringBuilder(), 11.9999999, 6).toString());
    assertEquals("0.00", CsvSampleWriter.appendFixed(new StringBuilder(), -0.0001, 2).toString());
  }
}
