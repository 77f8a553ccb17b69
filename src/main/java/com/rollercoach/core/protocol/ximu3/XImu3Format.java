package com.rollercoach.core.protocol.ximu3;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.protocol.TextFormat;
import java.util.List;

/**
 * Offers {@link XImu3Decoder} to {@link com.rollercoach.core.protocol.AutoDetectingDecoder}. The
 * auto-detector hands over "lines" split at {@code \n} and {@code \r}; x-IMU3 ASCII lines start
 * with a message id and a comma ({@code I,1000000,…}); binary messages (ids ≥ 0x80) arrive as
 * non-printable "lines", which the auto-detector offers once its sniff limit forces a decision.
 * An x-IMU3 line is unmistakable, so a clear majority scores 0.95.
 */
public final class XImu3Format implements TextFormat {
  @Override
  public String name() {
    return XImu3Decoder.FORMAT_NAME;
  }

  @Override
  public double match(List<String> lines) {
    int hits = 0;
    for (String line : lines) {
      if (line.isEmpty()) continue;
      int first = line.charAt(0);
      if (XImu3Parser.isBinaryId(first)
          || (XImu3Parser.isAsciiId(first)
              && line.length() > 2
              && line.charAt(1) == ','
              && Character.isDigit(line.charAt(2)))) {
        hits++;
      } else if (first == '{' && line.startsWith("{\"")) {
        hits++; // a command response
      }
    }
    // Binary payloads may hold 0x0D, which the auto-detector also splits at: allow fragments.
    return hits >= 2 && hits >= 0.6 * lines.size() ? 0.95 : 0;
  }

  @Override
  public StreamDecoder newDecoder(DecoderListener listener) {
    return new XImu3Decoder(listener);
  }
}
