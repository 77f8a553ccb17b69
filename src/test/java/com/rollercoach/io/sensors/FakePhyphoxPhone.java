package com.rollercoach.io.sensors;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A phone running phyphox, as far as {@code /get} goes, on 127.0.0.1. It answers byte for byte as
 * phyphox's RemoteServer (phyphox/phyphox-android RemoteServer.java, handleGet/buildBuffer/
 * parseBufferRequest) does: {@code {"buffer":{\n"name":{"size":0,"updateMode":"partial",
 * "buffer":[…]},\n…\n},\n"status":{\n"session":"…", "measuring":true, "timedRun":false,
 * "countDown":0\n}\n}\n}, numbers as {@code 0.#######E0}, NaN as {@code null}; an empty value
 * asks for the last value only ("single"), {@code full} for all, {@code T} or {@code T|ref} for
 * values whose reference is above T after the app's nudge of one unit in the 8th digit.
 */
final class FakePhyphoxPhone implements AutoCloseable {
  private final Map<String, List<Double>> buffers = new LinkedHashMap<>();
  private volatile String session = "5f3a1c";
  private volatile boolean measuring = true;
  private HttpServer server;
  private int port;
  final AtomicInteger requests = new AtomicInteger();

  FakePhyphoxPhone(String... bufferNames) {
    for (String n : bufferNames) buffers.put(n, new ArrayList<>());
  }

  synchronized void append(String buffer, double... values) {
    for (double v : values) buffers.get(buffer).add(v);
  }

  synchronized void clear() {
    for (List<Double> b : buffers.values()) b.clear();
  }

  void session(String s) {
    session = s;
  }

  void measuring(boolean m) {
    measuring = m;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/get",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = answer(exchange.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    port = server.getAddress().getPort();
  }

  /** The phone leaves the network: connections are refused until {@link #start()} again. */
  void stop() {
    server.stop(0);
  }

  @Override
  public void close() {
    if (server != null) server.stop(0);
  }

  synchronized String answer(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String p : rawQuery.split("&")) {
        int eq = p.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(k, v);
      }
    }
    DecimalFormat format = (DecimalFormat) NumberFormat.getInstance(Locale.ENGLISH);
    format.applyPattern("0.#######E0");
    StringBuilder sb = new StringBuilder("{\"buffer\":{\n");
    boolean first = true;
    for (Map.Entry<String, String> e : params.entrySet()) {
      List<Double> db = buffers.get(e.getKey());
      if (db == null) continue;
      if (!first) sb.append(",\n");
      first = false;
      String value = e.getValue();
      double threshold;
      List<Double> reference = db;
      if (value.isEmpty()) threshold = Double.NaN;
      else if (value.equals("full")) threshold = Double.NEGATIVE_INFINITY;
      else {
        int bar = value.indexOf('|');
        threshold = Double.parseDouble(bar < 0 ? value : value.substring(0, bar));
        if (bar >= 0) reference = buffers.get(value.substring(bar + 1));
        threshold += Math.pow(10, Math.floor(Math.log10(Math.abs(threshold) / 1e7)));
      }
      sb.append('"').append(e.getKey()).append("\":{\"size\":0,\"updateMode\":\"");
      sb.append(Double.isNaN(threshold) ? "single" : Double.isInfinite(threshold) ? "full" : "partial");
      sb.append("\", \"buffer\":[");
      if (Double.isNaN(threshold)) {
        double last = db.isEmpty() ? Double.NaN : db.get(db.size() - 1);
        sb.append(Double.isNaN(last) ? "null" : format.format(last));
      } else {
        int n = Math.min(db.size(), reference.size());
        boolean firstValue = true;
        for (int i = 0; i < n; i++) {
          if (reference.get(i) <= threshold) continue;
          if (!firstValue) sb.append(',');
          firstValue = false;
          double v = db.get(i);
          sb.append(Double.isNaN(v) ? "null" : format.format(v));
        }
      }
      sb.append("]}");
    }
    sb.append("\n},\n\"status\":{\n\"session\":\"").append(session);
    sb.append("\", \"measuring\":").append(measuring);
    sb.append(", \"timedRun\":false, \"countDown\":0\n}\n}\n");
    return sb.toString();
  }
}
