package com.rollercoach.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteRowParserTest {
  /** Hands out at most a few bytes per read, so lines straddle every possible refill point. */
  private static InputStream trickle(String text, long seed) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Random r = new Random(seed);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
      }
    };
  }

  private static List<String> lines(ByteRowParser p) {
    List<String> out = new ArrayList<>();
    for (String l = p.nextTextLine(); l != null; l = p.nextTextLine()) out.add(p.lineNumber() + ":" + l);
    return out;
  }

  @Test
  void splitsLinesLikeBufferedReaderOnEveryTerminatorAndRefillPoint() {
    String text = "a\nb\r\nc\rd\r\r\ne\n\nlast";
    List<String> expected = List.of("1:a", "2:b", "3:c", "4:d", "5:", "6:e", "7:", "8:last");
    for (long seed = 0; seed < 50; seed++) {
      assertEquals(expected, lines(new ByteRowParser(trickle(text, seed), "t")), "seed " + seed);
    }
    assertEquals(List.of("1:x"), lines(new ByteRowParser(trickle("x\r", 1), "t")));
  }

  @Test
  void aByteOrderMarkAtTheStartIsNotPartOfTheFirstLine() {
    // Excel's "CSV UTF-8" starts the file with EF BB BF; handed out a byte or a few at a time too
    for (long seed = 0; seed < 20; seed++) {
      List<String> got = lines(new ByteRowParser(trickle("\uFEFFt_s,ax_g\n1,2\n", seed), "t"));
      assertEquals(List.of("1:t_s,ax_g", "2:1,2"), got, "seed " + seed);
    }
    // only at the very start: a mark inside the text is left as it is
    assertEquals(List.of("1:a", "2:\uFEFFb"), lines(new ByteRowParser(trickle("a\n\uFEFFb", 3), "t")));
    assertEquals(List.of("1:\u00EF"), lines(new ByteRowParser(trickle("\u00EF", 3), "t")));
  }

  @Test
  void readsTheProjectCsvWithAByteOrderMark() {
    String csv = "\uFEFFt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n";
    List<com.rollercoach.core.sample.ImuSample> out = new ArrayList<>();
    new CsvSampleReader(new StringReader(csv), "bom.csv").readTo(out::add);
    assertEquals(2, out.size());
  }

  @Test
  void parsesExactlyWhatDoubleParseDoubleGivesAcrossRefills() {
    Random r = new Random(42);
    StringBuilder text = new StringBuilder();
    List<double[]> expected = new ArrayList<>();
    for (int row = 0; row < 2000; row++) {
      double[] v = new double[3];
      String[] f = new String[3];
      for (int k = 0; k < 3; k++) {
        double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 6);
        f[k] =
            switch (r.nextInt(4)) {
              case 0 -> Double.toString(x); // shortest repr, often 17 digits or an exponent
              case 1 -> String.format("%.4f", x);
              case 2 -> String.format(" %.6e ", x);
              default -> String.format("%.9f", x);
            };
        v[k] = Double.parseDouble(f[k]);
      }
      text.append("junk,").append(f[0]).append(',').append(f[1]).append(",ignored,").append(f[2]);
      text.append(row % 3 == 0 ? "\r\n" : "\n");
      if (row % 100 == 0) text.append("# a comment\n   \n");
      expected.add(v);
    }
    ByteRowParser p = new ByteRowParser(trickle(text.toString(), 7), "t");
    double[] out = new double[3];
    int[] columns = {1, 2, 4};
    for (double[] v : expected) {
      assertTrue(p.nextRow());
      p.parseRow(columns, 4, out);
      for (int k = 0; k < 3; k++) {
        assertEquals(Double.doubleToRawLongBits(v[k]), Double.doubleToRawLongBits(out[k]), "line " + p.lineNumber());
      }
    }
    assertFalse(p.nextRow());
  }

  @Test
  void lineLongerThanTheBufferIsReadWhole() {
    String filler = "9".repeat(50_000); // longer than the first buffer, within TextLines.MAX_LINE
    String text = "1," + filler + ",2.5\n3,4,5\n";
    ByteRowParser p = new ByteRowParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "t");
    double[] out = new double[2];
    assertTrue(p.nextRow());
    p.parseRow(new int[] {0, 2}, 2, out);
    assertEquals(1.0, out[0]);
    assertEquals(2.5, out[1]);
    assertTrue(p.nextRow());
    p.parseRow(new int[] {0, 2}, 2, out);
    assertEquals(5.0, out[1]);
    assertTrue(p.currentIsLast());
    // a line with no end (a binary file, a logger without line ends) is refused, not buffered whole
    ByteRowParser endless = new ByteRowParser(
        new ByteArrayInputStream(("1," + "9".repeat(200_000)).getBytes(StandardCharsets.US_ASCII)), "e.csv");
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, endless::nextRow);
    assertEquals("line 1: longer than 65536 characters — not a text session file (or a file with no line ends)",
        e.getCause().getMessage());
  }

  @Test
  void badFieldsNameLineAndColumnInOneLine() {
    ByteRowParser p =
        new ByteRowParser(ByteRowParser.utf8(new StringReader("1,2,3\n1,\u00e9\u00e9,3\n1,2\n1,Infinity,3\n1,nan,-inf\n1,inf?,3\n")), "f.csv");
    double[] out = new double[3];
    int[] all = {0, 1, 2};
    assertTrue(p.nextRow());
    p.parseRow(all, 2, out);
    assertTrue(p.nextRow());
    CsvFormatException e = assertThrows(CsvFormatException.class, () -> p.parseRow(all, 2, out));
    assertEquals("f.csv:2: column 2: '\u00e9\u00e9' is not a finite number", e.getMessage());
    assertTrue(p.nextRow());
    e = assertThrows(CsvFormatException.class, () -> p.parseRow(all, 2, out));
    assertEquals("f.csv:3: expected at least 3 fields, found 2", e.getMessage());
    assertTrue(p.nextRow());
    // a logger's non-finite values are numbers the sensor could not give: returned for the edge
    // rules (SampleValidator) to refuse that one row, unlike garbage text
    p.parseRow(all, 2, out);
    assertEquals(Double.POSITIVE_INFINITY, out[1]);
    assertTrue(p.nextRow());
    p.parseRow(all, 2, out);
    assertTrue(Double.isNaN(out[1]));
    assertEquals(Double.NEGATIVE_INFINITY, out[2]);
    assertTrue(p.nextRow());
    e = assertThrows(CsvFormatException.class, () -> p.parseRow(all, 2, out));
    assertEquals("f.csv:6: column 2: 'inf?' is not a finite number", e.getMessage());
    assertTrue(p.currentIsLast());
    assertFalse(p.nextRow());
    assertNull(p.nextTextLine());
  }

  @Test
  void binaryGarbageIsANumberErrorNotACrash() {
    byte[] garbage = new byte[300];
    new Random(3).nextBytes(garbage);
    garbage[0] = '1'; // not a comment
    ByteRowParser p = new ByteRowParser(new ByteArrayInputStream(garbage), "g.bin");
    double[] out = new double[1];
    int errors = 0;
    while (p.nextRow()) {
      try {
        p.parseRow(new int[] {0}, 0, out);
      } catch (CsvFormatException e) {
        errors++;
        assertTrue(e.getMessage().startsWith("g.bin:" + p.lineNumber() + ": column 1: '"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        // bytes that are not UTF-8: the file's problem, as a decoding reader reports it
        errors++;
        assertInstanceOf(java.nio.charset.CharacterCodingException.class, e.getCause());
        assertEquals("g.bin:" + p.lineNumber() + ": not UTF-8 text", e.getMessage());
        break;
      }
    }
    assertTrue(errors > 0);
  }

  /** One row's outcome: its line number and values, or the error it raised. */
  private static String rowOutcome(ByteRowParser p, int[] columns, int maxIndex, boolean fast) {
    double[] out = new double[columns.length];
    if (!fast || !p.fastRow(columns, maxIndex, out)) {
      if (!p.nextRow()) return null;
      try {
        p.parseRow(columns, maxIndex, out);
      } catch (CsvFormatException e) {
        return p.lineNumber() + ": error " + e.getMessage();
      }
    }
    StringBuilder sb = new StringBuilder(p.lineNumber() + ":");
    for (double v : out) sb.append(' ').append(Double.doubleToRawLongBits(v));
    return sb.toString();
  }

  /**
   * The one-pass row reader gives, line for line, the values (bit for bit), line numbers and errors
   * of the general path, on rows mixing everything a logger writes and a few things it should not,
   * delivered a few bytes at a time.
   */
  @Test
  void theOnePassRowIsTheGeneralPathsRowOnEveryKindOfLine() {
    Random r = new Random(7);
    String[] odd = {"1e-3", "-2.5E+2", " 1.5", "1.5 ", "", "-", "+", ".", "nan", "-inf", "0x10", "1,5",
        "12345678901234567890", "0.000000000000000000000001", "9007199254740993", "-0.0", "+.5", "5.",
        "\"1.0\"", "1.0.0", "--1", "é"};
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < 4000; row++) {
      int kind = r.nextInt(20);
      if (kind == 0) text.append("# comment ").append(row);
      else if (kind == 1) text.append(r.nextBoolean() ? "" : "   ");
      else {
        int fields = kind == 2 ? r.nextInt(4) : 4 + r.nextInt(3);
        for (int f = 0; f < fields; f++) {
          if (f > 0) text.append(',');
          if (r.nextInt(15) == 0) {
            text.append(odd[r.nextInt(odd.length)]);
          } else {
            double x = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(10) - 4);
            text.append(String.format(java.util.Locale.ROOT, "%." + r.nextInt(12) + "f", x));
          }
        }
      }
      text.append(switch (r.nextInt(10)) {
        case 0 -> "\r\n";
        case 1 -> "\r";
        default -> "\n";
      });
    }
    text.append("1.0,2.0,3.0,4"); // a last line without a terminator
    int[][] layouts = {{0, 1, 2, 3}, {3, 1, 0}, {0, 2}};
    for (int[] columns : layouts) {
      int maxIndex = 0;
      for (int c : columns) maxIndex = Math.max(maxIndex, c);
      for (long seed = -1; seed < 3; seed++) {
        // seed −1: the whole text at once, so most lines are buffered and take the one-pass way
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteRowParser general = new ByteRowParser(
            seed < 0 ? new ByteArrayInputStream(bytes) : trickle(text.toString(), seed), "t");
        ByteRowParser onePass = new ByteRowParser(
            seed < 0 ? new ByteArrayInputStream(bytes) : trickle(text.toString(), seed + 100), "t");
        int rows = 0;
        while (true) {
          String want = rowOutcome(general, columns, maxIndex, false);
          String got = rowOutcome(onePass, columns, maxIndex, true);
          assertEquals(want, got, "row " + rows + " of layout " + java.util.Arrays.toString(columns));
          if (want == null) break;
          rows++; // after an error both are past the broken line: the comparison goes on
        }
        assertTrue(rows > 3000, "rows compared: " + rows);
      }
    }
  }

  /** Whole lines in a big buffer take the one-pass way (the test above would pass without it). */
  @Test
  void plainRowsTakeTheOnePassWay() {
    String text = "1.5,-2.25,3,0.000001\n-0.0,1.,+.5,7\n";
    ByteRowParser p = new ByteRowParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
    double[] out = new double[4];
    assertFalse(p.fastRow(new int[] {0, 1, 2, 3}, 3, out), "nothing buffered yet: the general way");
    assertTrue(p.nextRow());
    p.parseRow(new int[] {0, 1, 2, 3}, 3, out);
    assertTrue(p.fastRow(new int[] {0, 1, 2, 3}, 3, out));
    assertEquals(2, p.lineNumber());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(out[0]));
    assertEquals(1.0, out[1]);
    assertEquals(0.5, out[2]);
    assertEquals(7.0, out[3]);
  }
}
