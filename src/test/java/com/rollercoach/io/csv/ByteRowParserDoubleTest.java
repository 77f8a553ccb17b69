package com.rollercoach.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ByteRowParser.parseDouble (fast path for plain decimals) must equal Double.parseDouble bit for bit. */
class ByteRowParserDoubleTest {

  private static void same(String text) {
    byte[] b = ("x," + text + ",y").getBytes(StandardCharsets.US_ASCII);
    double got = ByteRowParser.parseDouble(b, 2, 2 + text.length());
    double want = Double.parseDouble(text);
    assertEquals(
        Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), () -> text + " -> " + got);
  }

  @Test
  void edgeDecimalsMatchDoubleParseDouble() {
    for (String s :
        new String[] {
          "0", "-0", "+0", "0.0", "-0.0", "-0.000", ".5", "-.5", "5.", "-5.", "1", "-1",
          "9007199254740992", "9007199254740993", "-9007199254740993", "0.1", "0.2", "0.3",
          "123456789012345678", "1234567890123456789", "0.0000000000000000000001",
          "0.00000000000000000000001", "1.0000000000000000000000", "999999999999999.9",
          "9.999999999999999", "-0.01234", "16384.0", "1e5", "-1.5E-3", "1e400", "4.9e-324",
          "000000000000000000001.5", "3.141592653589793238", "2.2250738585072014E-308", " 1.5", "1.5 ",
          "Infinity", "-Infinity", "NaN", "0x1p3"
        }) {
      same(s);
    }
  }

  @Test
  void randomDecimalsMatchDoubleParseDouble() {
    SplittableRandom r = new SplittableRandom(15);
    for (int n = 0; n < 200_000; n++) {
      int digits = 1 + r.nextInt(20);
      StringBuilder sb = new StringBuilder();
      if (r.nextBoolean()) sb.append('-');
      for (int d = 0; d < digits; d++) sb.append((char) ('0' + r.nextInt(10)));
      int point = r.nextInt(digits + 1);
      sb.insert(sb.length() - point, '.');
      same(sb.toString());
      // the values a logger writes: %.Nf of a sensor reading
      same(String.format(Locale.ROOT, "%." + r.nextInt(12) + "f", (r.nextDouble() - 0.5) * 4000));
      same(Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20)));
    }
  }

  @Test
  void garbageStillThrows() {
    for (String s : new String[] {"", "-", ".", "1.2.3", "abc", "1,5", "--1"}) {
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertThrows(NumberFormatException.class, () -> ByteRowParser.parseDouble(b, 0, b.length), s);
    }
  }
}
