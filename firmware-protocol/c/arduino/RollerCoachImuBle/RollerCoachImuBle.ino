/*
 * Roller Coach reference firmware, Bluetooth LE variant: an ESP32-S3/-C3/-C6 or an nRF52 board with an
 * LSM6DS3/LSM6DSx IMU on I2C, streaming the same wire protocol v1 frames (../../../PROTOCOL.md) over
 * the Nordic UART Service (NUS): frames go out as notifications on TX (6E400003-…), commands come in
 * as writes on RX (6E400002-…). Section 11 of PROTOCOL.md says how frames ride on notifications.
 *
 * Build (documented, NOT compiled or run in CI: no Arduino cores or radios there):
 *   cp ../../rc_protocol.h ../../rc_protocol.c .            # the portable C library, beside the sketch
 *   ESP32-S3/C3 (NimBLE-Arduino 2.x):
 *     arduino-cli core install esp32:esp32 && arduino-cli lib install NimBLE-Arduino
 *     arduino-cli compile --fqbn esp32:esp32:esp32s3 .      # or esp32:esp32:esp32c3
 *   nRF52832/nRF52840 on the Adafruit core (Feather nRF52840, Seeed XIAO nRF52840; Bluefruit library):
 *     arduino-cli core install adafruit:nrf52
 *     arduino-cli compile --fqbn adafruit:nrf52:feather52840 .
 * Then: java -jar target/roller-coach.jar ports          (lists "RollerCoach-XXXX ... NUS")
 *       java -jar target/roller-coach.jar record --ble RollerCoach-XXXX
 *
 * IMU: the LSM6DS3 register code of ../RollerCoachImu (same ranges and HELLO), on the board's default
 * I2C pins, address 0x6A (0x6B if SDO/SA0 is tied high). A sketch folder must build on its own, so
 * that code is repeated here rather than shared.
 *
 * Differences from the USB sketch, and why:
 *  - Streaming starts only when the host writes START_STREAMING after connecting (the host does on
 *    every connect), and stops on disconnect: nothing is queued for a host that is not listening.
 *  - 104 Hz by default: 2.5 kB/s fits even a 23-byte-MTU link (125 notifications/s); SET_RATE still
 *    goes up to 833 Hz for hosts that negotiated a larger MTU and a short connection interval.
 *  - Frames are packed into notifications of up to (MTU − 3) bytes and flushed at least every 15 ms,
 *    so one connection event carries several frames; a frame may be split across two notifications
 *    (the host reassembles the byte stream). When the radio's queue is full, whole frames are dropped
 *    and counted (STATUS dropped_samples); their sequence numbers are used up, so the host counts them.
 */
#include <Wire.h>

#include "rc_protocol.h"

#if defined(ARDUINO_ARCH_ESP32)
#include <NimBLEDevice.h>
#elif defined(ARDUINO_ARCH_NRF52) || defined(ARDUINO_NRF52_ADAFRUIT)
#include <bluefruit.h>
#else
#error "RollerCoachImuBle: an ESP32 (NimBLE-Arduino) or an Adafruit-core nRF52 board is needed"
#endif

#define NUS_SERVICE "6E400001-B5A3-F393-E0A9-E50E24DCCA9E"
#define NUS_RX "6E400002-B5A3-F393-E0A9-E50E24DCCA9E"
#define NUS_TX "6E400003-B5A3-F393-E0A9-E50E24DCCA9E"

static const uint8_t LSM6DS3_ADDR = 0x6A;
static const uint8_t REG_WHO_AM_I = 0x0F;
static const uint8_t REG_CTRL1_XL = 0x10;
static const uint8_t REG_CTRL2_G = 0x11;
static const uint8_t REG_CTRL3_C = 0x12;
static const uint8_t REG_STATUS = 0x1E;
static const uint8_t REG_OUT_TEMP_L = 0x20;
static const uint8_t REG_OUTX_L_G = 0x22;
static const uint8_t ODR_CODES[] = {0x3, 0x4, 0x5, 0x6, 0x7};
static const uint16_t ODR_HZ[] = {52, 104, 208, 416, 833};
static const uint8_t FS_XL_4G = 0x08;
static const uint8_t FS_G_500DPS = 0x04;
static const float ACCEL_RANGE_G = 0.122e-3f * 32768.0f;
static const float GYRO_RANGE_DPS = 17.50e-3f * 32768.0f;
static const uint32_t FLUSH_MS = 15; /* longest a frame waits for a fuller notification */

static rc_decoder_t commands;
static uint16_t tx_seq;
static uint8_t odr_index = 1; /* 104 Hz */
static volatile bool connected;
static volatile bool streaming;
static uint16_t errors;
static uint32_t dropped;
static uint32_t last_status_ms;
static uint32_t last_flush_ms;
static char device_id[RC_STRING_LEN + 1];

/* ---- the link: a notification buffer of up to (MTU - 3) bytes, and the incoming command bytes ---- */

static uint8_t out_buf[244]; /* the largest ATT payload BLE 4.2+ allows (MTU 247) */
static size_t out_len;
static size_t out_cap = 20;   /* MTU 23 until the host negotiates more */
/* RX writes, handed from the BLE task to loop() through a single-producer single-consumer ring:
 * the BLE callback only advances in_head, loop() only in_tail, so no lock is needed. */
static uint8_t in_buf[64];
static volatile uint8_t in_head, in_tail;

static void rx_push(uint8_t b) {
  uint8_t next = (uint8_t)((in_head + 1) % sizeof in_buf);
  if (next == in_tail) return; /* full: a command is lost, the host repeats START on reconnect */
  in_buf[in_head] = b;
  in_head = next;
}

static bool ble_notify(const uint8_t *data, size_t n);
static void ble_begin(void);
static size_t ble_payload_size(void);

/* Sends what is buffered as one notification; false when the radio's queue is full (kept for later). */
static bool flush_out(void) {
  if (out_len == 0) return true;
  if (!connected) {
    out_len = 0;
    return true;
  }
  if (!ble_notify(out_buf, out_len)) return false;
  out_len = 0;
  last_flush_ms = millis();
  return true;
}

/* Appends a frame, splitting it over notifications when it does not fit; false = dropped whole. */
static bool send(const uint8_t *frame, size_t n) {
  if (!connected) return false;
  out_cap = ble_payload_size();
  size_t off = 0;
  while (off < n) {
    size_t room = out_cap - out_len;
    size_t k = n - off < room ? n - off : room;
    memcpy(out_buf + out_len, frame + off, k);
    out_len += k;
    off += k;
    if (out_len == out_cap && !flush_out()) {
      /* Queue full mid-frame: drop what of this frame is buffered, the host resyncs on the next. */
      out_len -= off < out_len ? off : out_len;
      return false;
    }
  }
  return true;
}

/* ---- the IMU (as in ../RollerCoachImu) ---- */

static void write_reg(uint8_t reg, uint8_t value) {
  Wire.beginTransmission(LSM6DS3_ADDR);
  Wire.write(reg);
  Wire.write(value);
  Wire.endTransmission();
}

static bool read_regs(uint8_t reg, uint8_t *out, uint8_t n) {
  Wire.beginTransmission(LSM6DS3_ADDR);
  Wire.write(reg);
  if (Wire.endTransmission(false) != 0) return false;
  if (Wire.requestFrom(LSM6DS3_ADDR, n) != n) return false;
  for (uint8_t i = 0; i < n; i++) out[i] = (uint8_t)Wire.read();
  return true;
}

static void configure_imu(void) {
  write_reg(REG_CTRL3_C, 0x44);
  write_reg(REG_CTRL1_XL, (uint8_t)(ODR_CODES[odr_index] << 4 | FS_XL_4G));
  write_reg(REG_CTRL2_G, (uint8_t)(ODR_CODES[odr_index] << 4 | FS_G_500DPS));
}

/* ---- protocol ---- */

static void send_hello(void) {
  rc_hello_t h;
  memset(&h, 0, sizeof h);
  h.protocol_version = RC_PROTOCOL_VERSION;
  h.flags = streaming ? RC_HELLO_STREAMING : 0;
  h.accel_range_g = ACCEL_RANGE_G;
  h.gyro_range_dps = GYRO_RANGE_DPS;
  h.sample_rate_hz = ODR_HZ[odr_index];
  strncpy(h.device_id, device_id, RC_STRING_LEN);
  strncpy(h.firmware_version, "1.0.0-ble", RC_STRING_LEN);
  strncpy(h.sensor_model, "LSM6DS3", RC_STRING_LEN);
  uint8_t buf[RC_HELLO_FRAME_SIZE];
  size_t n = rc_encode_hello(buf, sizeof buf, tx_seq, &h);
  send(buf, n);
  flush_out();
  tx_seq++; /* numbered even if it never left: at boot nobody is connected, and seq 0 still means "restarted" */
}

static void send_status(void) {
  rc_status_t s;
  uint8_t t[2];
  s.error_flags = errors;
  s.battery_percent = RC_BATTERY_UNKNOWN;
  s.battery_mv = 0;
  s.temperature_centi_c = RC_TEMPERATURE_UNKNOWN;
  if (read_regs(REG_OUT_TEMP_L, t, 2)) {
    int16_t raw = (int16_t)(t[0] | t[1] << 8);
    s.temperature_centi_c = (int16_t)(2500 + (int32_t)raw * 100 / 16);
  }
  s.dropped_samples = dropped;
  uint8_t buf[RC_HEADER_SIZE + RC_STATUS_LEN + RC_CRC_SIZE];
  size_t n = rc_encode_status(buf, sizeof buf, tx_seq, &s);
  if (send(buf, n)) errors &= (uint16_t)~(RC_ERR_ACCEL_SATURATED | RC_ERR_GYRO_SATURATED | RC_ERR_OVERRUN);
  tx_seq++;
}

static void send_ack(const rc_frame_t *cmd, uint8_t result, uint32_t value) {
  rc_ack_t a = {cmd->u.command.code, cmd->seq, result, value};
  uint8_t buf[RC_HEADER_SIZE + RC_ACK_LEN + RC_CRC_SIZE];
  size_t n = rc_encode_ack(buf, sizeof buf, tx_seq, &a);
  send(buf, n);
  flush_out();
  tx_seq++;
}

static void on_command(const rc_frame_t *f, void *user) {
  (void)user;
  if (f->type != RC_TYPE_COMMAND) return;
  switch (f->u.command.code) {
    case RC_CMD_START_STREAMING:
      streaming = true;
      send_ack(f, RC_ACK_OK, 0);
      send_hello();
      break;
    case RC_CMD_STOP_STREAMING:
      streaming = false;
      send_ack(f, RC_ACK_OK, 0);
      break;
    case RC_CMD_SET_RATE: {
      uint32_t want = f->u.command.argument;
      if (want == 0) {
        send_ack(f, RC_ACK_INVALID_ARGUMENT, ODR_HZ[odr_index]);
        break;
      }
      uint8_t best = 0;
      for (uint8_t i = 1; i < sizeof ODR_HZ / sizeof ODR_HZ[0]; i++) {
        uint32_t d = ODR_HZ[i] > want ? ODR_HZ[i] - want : want - ODR_HZ[i];
        uint32_t b = ODR_HZ[best] > want ? ODR_HZ[best] - want : want - ODR_HZ[best];
        if (d < b) best = i;
      }
      odr_index = best;
      configure_imu();
      send_ack(f, RC_ACK_OK, ODR_HZ[odr_index]);
      send_hello();
      break;
    }
    case RC_CMD_REQUEST_HELLO: /* also the host's keep-alive ping */
      send_ack(f, RC_ACK_OK, 0);
      send_hello();
      break;
    case RC_CMD_REQUEST_STATUS:
      send_ack(f, RC_ACK_OK, 0);
      send_status();
      break;
    default:
      send_ack(f, RC_ACK_UNSUPPORTED, 0);
  }
}

/* ---- BLE stacks ---- */

#if defined(ARDUINO_ARCH_ESP32)
static NimBLECharacteristic *tx_char;
static uint16_t peer_mtu = 23;

class ServerEvents : public NimBLEServerCallbacks {
  void onConnect(NimBLEServer *s, NimBLEConnInfo &info) override {
    connected = true;
    /* 7.5–15 ms interval, no slave latency, 4 s supervision timeout: prompt data, quick drop detection */
    s->updateConnParams(info.getConnHandle(), 6, 12, 0, 400);
  }
  void onDisconnect(NimBLEServer *s, NimBLEConnInfo &info, int reason) override {
    connected = false;
    streaming = false;
    peer_mtu = 23;
    NimBLEDevice::startAdvertising();
  }
  void onMTUChange(uint16_t mtu, NimBLEConnInfo &info) override { peer_mtu = mtu; }
};

class RxEvents : public NimBLECharacteristicCallbacks {
  void onWrite(NimBLECharacteristic *c, NimBLEConnInfo &info) override {
    NimBLEAttValue v = c->getValue();
    for (size_t i = 0; i < v.size(); i++) rx_push(v.data()[i]);
  }
};

static void ble_begin(void) {
  char name[24];
  snprintf(name, sizeof name, "RollerCoach-%.4s", device_id + strlen(device_id) - 4);
  NimBLEDevice::init(name);
  NimBLEDevice::setMTU(247);
  NimBLEServer *server = NimBLEDevice::createServer();
  server->setCallbacks(new ServerEvents());
  NimBLEService *nus = server->createService(NUS_SERVICE);
  tx_char = nus->createCharacteristic(NUS_TX, NIMBLE_PROPERTY::NOTIFY);
  NimBLECharacteristic *rx = nus->createCharacteristic(NUS_RX, NIMBLE_PROPERTY::WRITE | NIMBLE_PROPERTY::WRITE_NR);
  rx->setCallbacks(new RxEvents());
  nus->start();
  NimBLEAdvertising *adv = NimBLEDevice::getAdvertising();
  adv->addServiceUUID(NUS_SERVICE); /* what `roller-coach ports` looks for */
  adv->setName(name);
  adv->start();
}

static size_t ble_payload_size(void) {
  size_t n = peer_mtu - 3;
  return n > sizeof out_buf ? sizeof out_buf : n;
}

static bool ble_notify(const uint8_t *data, size_t n) {
  tx_char->setValue(data, n);
  return tx_char->notify();
}

static void make_device_id(void) {
  uint64_t mac = ESP.getEfuseMac();
  snprintf(device_id, sizeof device_id, "RC-%04X%08lX", (unsigned)(mac >> 32) & 0xFFFFu, (unsigned long)mac);
}

#else /* Adafruit nRF52 core, Bluefruit */
static BLEUart bleuart; /* Bluefruit's NUS: TX notify / RX write, the same UUIDs */

static void on_connect(uint16_t conn) {
  connected = true;
  BLEConnection *c = Bluefruit.Connection(conn);
  c->requestMtuExchange(247);
  c->requestConnectionParameter(6); /* 7.5 ms */
}

static void on_disconnect(uint16_t conn, uint8_t reason) {
  (void)conn;
  (void)reason;
  connected = false;
  streaming = false;
}

static void on_rx(uint16_t conn) {
  (void)conn;
  while (bleuart.available()) rx_push((uint8_t)bleuart.read());
}

static void ble_begin(void) {
  char name[24];
  snprintf(name, sizeof name, "RollerCoach-%.4s", device_id + strlen(device_id) - 4);
  Bluefruit.configPrphBandwidth(BANDWIDTH_MAX); /* large MTU and several packets per interval */
  Bluefruit.begin();
  Bluefruit.setName(name);
  Bluefruit.Periph.setConnectCallback(on_connect);
  Bluefruit.Periph.setDisconnectCallback(on_disconnect);
  bleuart.begin();
  bleuart.setRxCallback(on_rx);
  Bluefruit.Advertising.addFlags(BLE_GAP_ADV_FLAGS_LE_ONLY_GENERAL_DISC_MODE);
  Bluefruit.Advertising.addService(bleuart); /* NUS UUID in the advertisement */
  Bluefruit.ScanResponse.addName();
  Bluefruit.Advertising.restartOnDisconnect(true);
  Bluefruit.Advertising.start(0);
}

static size_t ble_payload_size(void) {
  BLEConnection *c = Bluefruit.Connection(0);
  size_t n = c ? c->getMtu() - 3 : 20;
  return n > sizeof out_buf ? sizeof out_buf : n;
}

static bool ble_notify(const uint8_t *data, size_t n) { return bleuart.write(data, n) == n; }

static void make_device_id(void) {
  snprintf(device_id, sizeof device_id, "RC-%04lX%08lX", (unsigned long)(NRF_FICR->DEVICEADDR[1] & 0xFFFFu),
           (unsigned long)NRF_FICR->DEVICEADDR[0]);
}
#endif

static bool saturated(int16_t v) { return v == INT16_MAX || v == INT16_MIN; }

void setup() {
  Wire.begin();
  Wire.setClock(400000);
  make_device_id();
  rc_decoder_init(&commands, on_command, NULL);
  uint8_t who = 0;
  if (!read_regs(REG_WHO_AM_I, &who, 1) || who != 0x69) errors |= RC_ERR_IMU_FAULT;
  configure_imu();
  ble_begin();
  send_hello(); /* seq 0 even though nobody hears it: the next HELLO (seq > 0) is not a restart */
}

void loop() {
  while (in_tail != in_head) {
    rc_decoder_push(&commands, in_buf[in_tail]);
    in_tail = (uint8_t)((in_tail + 1) % sizeof in_buf);
  }

  uint32_t now_ms = millis();
  if (now_ms - last_flush_ms >= FLUSH_MS) flush_out();
  if (connected && streaming && now_ms - last_status_ms >= 1000) {
    last_status_ms = now_ms;
    send_status();
  }

  uint8_t status;
  if (!read_regs(REG_STATUS, &status, 1)) {
    errors |= RC_ERR_IMU_FAULT;
    return;
  }
  if ((status & 0x03) != 0x03) return;
  uint32_t t_us = micros();
  uint8_t raw[12];
  if (!read_regs(REG_OUTX_L_G, raw, sizeof raw)) {
    errors |= RC_ERR_IMU_FAULT;
    return;
  }
  if (!(connected && streaming)) return;
  rc_imu_t imu;
  imu.t_us = t_us;
  for (int i = 0; i < 3; i++) {
    imu.gyro[i] = (int16_t)(raw[2 * i] | raw[2 * i + 1] << 8);
    imu.accel[i] = (int16_t)(raw[6 + 2 * i] | raw[6 + 2 * i + 1] << 8);
    if (saturated(imu.gyro[i])) errors |= RC_ERR_GYRO_SATURATED;
    if (saturated(imu.accel[i])) errors |= RC_ERR_ACCEL_SATURATED;
  }
  uint8_t buf[RC_IMU_FRAME_SIZE];
  size_t n = rc_encode_imu(buf, sizeof buf, tx_seq, &imu);
  if (!send(buf, n)) {
    dropped++;
    errors |= RC_ERR_OVERRUN;
  }
  tx_seq++;
}
