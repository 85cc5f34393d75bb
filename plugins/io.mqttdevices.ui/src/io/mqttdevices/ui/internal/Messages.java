/*******************************************************************************
 * Copyright (c) 2026 MQTT Devices contributors.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0.
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package io.mqttdevices.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The UI bundle's translatable strings ({@code messages.properties}). */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "io.mqttdevices.ui.internal.messages"; //$NON-NLS-1$

	public static String MqttDevicesPreferencePage_description;
	public static String MqttDevicesPreferencePage_baudRate;
	public static String MqttDevicesPreferencePage_baudRateInvalid;
	public static String MqttDevicesPreferencePage_circuitPyDrive;
	public static String MqttDevicesPreferencePage_circuitPyDriveHint;
	public static String NewSensorProjectWizard_title;
	public static String NewSensorProjectWizard_projectTitle;
	public static String NewSensorProjectWizard_projectDescription;
	public static String NewSensorProjectWizard_failed;
	public static String DevicePage_title;
	public static String DevicePage_description;
	public static String DevicePage_runtime;
	public static String DevicePage_board;
	public static String DevicePage_sensor;
	public static String DevicePage_pin;
	public static String DevicePage_interval;
	public static String DevicePage_homeAssistant;
	public static String BrokerPage_title;
	public static String BrokerPage_description;
	public static String BrokerPage_ssid;
	public static String BrokerPage_wifiPassword;
	public static String BrokerPage_adafruitIo;
	public static String BrokerPage_host;
	public static String BrokerPage_port;
	public static String BrokerPage_tls;
	public static String BrokerPage_username;
	public static String BrokerPage_password;
	public static String BrokerPage_clientId;
	public static String BrokerPage_clientIdHint;
	public static String BrokerPage_topicPrefix;
	public static String BrokerPage_feed;
	public static String LocalBroker_startJob;
	public static String LocalBroker_stopJob;
	public static String LocalBroker_startFailed;
	public static String LocalBroker_secureStorageFailed;
	public static String LocalBrokerStatus_stopped;
	public static String LocalBrokerStatus_running;
	public static String LocalBrokerStatus_runningSecured;
	public static String LocalBrokerStatus_oneClient;
	public static String LocalBrokerStatus_clients;
	public static String LocalBrokerStatus_tooltip;
	public static String LocalBrokerPreferencePage_description;
	public static String LocalBrokerPreferencePage_port;
	public static String LocalBrokerPreferencePage_lan;
	public static String LocalBrokerPreferencePage_username;
	public static String LocalBrokerPreferencePage_password;
	public static String LocalBrokerPreferencePage_hint;
	public static String LocalBrokerPreferencePage_portInvalid;
	public static String LocalBrokerPreferencePage_passwordMissing;
	public static String LocalBrokerPreferencePage_usernameMissing;
	public static String LocalBrokerPreferencePage_lanNeedsCredentials;
	public static String LocalBrokerPreferencePage_saveFailed;

	public static String BoardReplView_port;
	public static String BoardReplView_portHint;
	public static String BoardReplView_refresh;
	public static String BoardReplView_baud;
	public static String BoardReplView_listing;
	public static String BoardReplView_noPorts;
	public static String BoardReplView_noPort;
	public static String BoardReplView_badBaud;
	public static String BoardReplView_connected;
	public static String BoardReplView_waiting;
	public static String BoardReplView_paused;
	public static String BoardReplView_disconnected;
	public static String BoardReplView_rememberPort;
	public static String ReplActions_connect;
	public static String ReplActions_disconnect;
	public static String ReplActions_interrupt;
	public static String ReplActions_softReset;
	public static String ReplActions_hardReset;
	public static String ReplActions_clear;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
