package com.rollercoach.io.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A phyphox {@code /get} reply, as documented on the phyphox wiki ("Remote-interface
 * communication") and produced by RemoteServer.handleGet (phyphox/phyphox-android):
 *
 * <pre>
 * {"buffer":{
 * "acc_time":{"size":0,"updateMode":"partial", "buffer":[1.2345678E1,1.2350678E1]},
 * "accX":{…}
 * },
 * "status":{
 * "session":"a1b2c3", "measuring":true, "timedRun":false, "countDown":0
 * }
 * }
 * </pre>
 *
 * Values are numbers ({@code 0.#######E0}, 8 significant digits) or {@code null} for NaN/∞.
 *
 * @param buffers each requested buffer's values, null entries as NaN; a buffer the experiment
 *     does not have is absent
 * @param session changes when phyphox restarts the experiment
 * @param measuring whether the phone is recording now
 */
record PhyphoxResponse(Map<String, double[]> buffers, String session, boolean measuring) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static PhyphoxResponse parse(byte[] body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.has("buffer") || !root.has("status")) {
      throw new IOException("not a phyphox /get reply (no \"buffer\" and \"status\")");
    }
    Map<String, double[]> buffers = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("buffer").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode values = e.getValue().path("buffer");
      double[] v = new double[values.size()];
      for (int i = 0; i < v.length; i++) {
        JsonNode n = values.get(i);
        v[i] = n.isNumber() ? n.doubleValue() : Double.NaN;
      }
      buffers.put(e.getKey(), v);
    }
    JsonNode status = root.get("status");
    return new PhyphoxResponse(
        buffers, status.path("session").asText(""), status.path("measuring").asBoolean(false));
  }

  /** The buffer's values, empty if the reply lacks it. */
  double[] values(String name) {
    return buffers.getOrDefault(name, new double[0]);
  }
}
