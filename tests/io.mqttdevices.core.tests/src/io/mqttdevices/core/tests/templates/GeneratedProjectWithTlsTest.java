/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.core.tests.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.mqttdevices.core.templates.Board;
import io.mqttdevices.core.templates.ProjectSpec;
import io.mqttdevices.core.templates.Runtime;
import io.mqttdevices.core.templates.Sensor;
import io.mqttdevices.core.tests.templates.HostDevice.Libraries;
import io.mqttdevices.tests.fixtures.MosquittoBroker;
import io.mqttdevices.tests.fixtures.TestCertificates;

/**
 * The generated device code on the real libraries against a Mosquitto with TLS (a server certificate for 127.0.0.1
 * from a CA made for the test): the device trusts the CA in ca.pem, and only it.
 */
class GeneratedProjectWithTlsTest {

	@RegisterExtension
	final MosquittoBroker broker = MosquittoBroker.withTls();

	@TempDir
	Path project;

	@TempDir
	Path otherCa;

	private HostDevice device;

	@AfterEach
	void stop() throws Exception {
		if (device != null) {
			device.close();
		}
	}

	/**
	 * MicroPython checks the broker's certificate against /ca.pem: with another CA there it does not connect (and
	 * says why); once the right CA is uploaded it connects, without a reset.
	 */
	@Test
	void microPythonTrustsOnlyTheCaInCaPem() throws Exception {
		HostDevice.assumeRealLibraries();
		HostDevice.generate(spec(Runtime.MICROPYTHON, Board.ESP32), project);
		Files.copy(TestCertificates.create(otherCa).caCertificate(), project.resolve("ca.pem"));
		device = HostDevice.run(Runtime.MICROPYTHON, project, Libraries.REAL);
		device.awaitOutput("CERTIFICATE_VERIFY_FAILED", 1, Duration.ofSeconds(15));
		assertEquals(0, device.count("Connected to"), device.log());

		Files.copy(broker.certificates().caCertificate(), project.resolve("ca.pem"),
				StandardCopyOption.REPLACE_EXISTING);
		device.awaitOutput("Connected to", 1, Duration.ofSeconds(15));
	}

	/** Firmware that reads only DER (a Pico W before MicroPython 1.29) gets the CA as ca.der. */
	@Test
	void microPythonTrustsTheCaInCaDer() throws Exception {
		HostDevice.assumeRealLibraries();
		HostDevice.generate(spec(Runtime.MICROPYTHON, Board.PICO_W), project);
		Process openssl = new ProcessBuilder("openssl", "x509", "-in", broker.certificates().caCertificate().toString(),
				"-outform", "der", "-out", project.resolve("ca.der").toString()).redirectErrorStream(true).start();
		assertTrue(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0, "openssl x509 -outform der");
		device = HostDevice.run(Runtime.MICROPYTHON, project, Libraries.REAL);
		device.awaitOutput("Connected to", 1, Duration.ofSeconds(15));
	}

	@Test
	void microPythonWithoutCaPemSaysWhatItNeeds() throws Exception {
		device = HostDevice.start(spec(Runtime.MICROPYTHON, Board.ESP32), project, Libraries.REAL);
		device.awaitOutput("TLS needs the broker's CA certificate in /ca.pem", 1, Duration.ofSeconds(15));
		assertTrue(device.isAlive(), device.log());
	}

	/** CircuitPython checks with the board's root certificates, or with the CA in ca.pem when there is one. */
	@Test
	void circuitPythonTrustsTheCaInCaPem() throws Exception {
		HostDevice.assumeRealLibraries();
		HostDevice.generate(spec(Runtime.CIRCUITPYTHON, Board.ADAFRUIT), project);
		device = HostDevice.run(Runtime.CIRCUITPYTHON, project, Libraries.REAL);
		device.awaitOutput("CERTIFICATE_VERIFY_FAILED", 1, Duration.ofSeconds(15));

		Files.copy(broker.certificates().caCertificate(), project.resolve("ca.pem"));
		device.awaitOutput("Connected to", 1, Duration.ofSeconds(15));
	}

	private ProjectSpec spec(Runtime runtime, Board board) {
		return new ProjectSpec("e2e", runtime, board, Sensor.ANALOG, board.defaultPin(runtime, Sensor.ANALOG),
				"test-net", "pw", broker.host(), broker.port(), true, "", "", "", "home", 1, false, "", false);
	}
}
