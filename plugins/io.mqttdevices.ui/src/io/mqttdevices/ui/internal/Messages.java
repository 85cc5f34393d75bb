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

	public static String GettingStartedHandler_title;
	public static String GettingStartedHandler_steps;
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

	public static String ConnectionDialog_title;
	public static String ConnectionDialog_message;
	public static String ConnectionDialog_name;
	public static String ConnectionDialog_host;
	public static String ConnectionDialog_port;
	public static String ConnectionDialog_version;
	public static String ConnectionDialog_mqtt5;
	public static String ConnectionDialog_mqtt311;
	public static String ConnectionDialog_clientId;
	public static String ConnectionDialog_clientIdHint;
	public static String ConnectionDialog_username;
	public static String ConnectionDialog_password;
	public static String ConnectionDialog_keepAlive;
	public static String ConnectionDialog_cleanStart;
	public static String ConnectionDialog_tls;
	public static String ConnectionDialog_caFile;
	public static String ConnectionDialog_certificate;
	public static String ConnectionDialog_key;
	public static String ConnectionDialog_keyPassword;
	public static String ConnectionDialog_browse;
	public static String ConnectionDialog_subscriptions;
	public static String ConnectionDialog_save;
	public static String ConnectionDialog_connect;
	public static String ConnectionDialog_saved;
	public static String ConnectionDialog_import;
	public static String ConnectionDialog_export;
	public static String ConnectionDialog_imported;
	public static String ConnectionDialog_importFailed;
	public static String ConnectionDialog_exported;
	public static String ConnectionDialog_exportFailed;
	public static String ExplorerPreferencePage_description;
	public static String ExplorerPreferencePage_historyPerTopic;
	public static String ExplorerPreferencePage_historyInvalid;
	public static String ExplorerPreferencePage_budget;
	public static String ExplorerPreferencePage_budgetInvalid;
	public static String ExplorerPreferencePage_hint;
	public static String ExplorerPreferencePage_applying;
	public static String ConnectionDialog_delete;
	public static String ConnectionDialog_deleteTitle;
	public static String ConnectionDialog_deleteQuestion;
	public static String ConnectionDialog_deleteConfirm;
	public static String ConnectionDialog_deleted;
	public static String ConnectionDialog_deleteFailed;
	public static String ConnectionDialog_profilesJob;
	public static String ConnectionDialog_badHost;
	public static String ConnectionDialog_badPort;
	public static String ConnectionDialog_badKeepAlive;
	public static String ConnectionDialog_noSubscription;
	public static String ConnectionDialog_subscriptionsHint;
	public static String ConnectionDialog_badQos;
	public static String ConnectionDialog_badFilter;
	public static String PublishDialog_title;
	public static String PublishDialog_message;
	public static String PublishDialog_messageV3;
	public static String PublishDialog_topic;
	public static String PublishDialog_payload;
	public static String PublishDialog_qos;
	public static String PublishDialog_retain;
	public static String PublishDialog_contentType;
	public static String PublishDialog_userProperties;
	public static String PublishDialog_expiry;
	public static String PublishDialog_publish;
	public static String PublishDialog_badTopic;
	public static String PublishDialog_badUserProperty;
	public static String PublishDialog_badExpiry;
	public static String TopicExplorer_connection;
	public static String TopicExplorer_connect;
	public static String TopicExplorer_disconnect;
	public static String TopicExplorer_subscriptions;
	public static String TopicExplorer_subscriptionsTitle;
	public static String TopicExplorer_subscriptionsMessage;
	public static String TopicExplorer_subscribed;
	public static String TopicExplorer_pause;
	public static String TopicExplorer_publish;
	public static String TopicExplorer_published;
	public static String TopicExplorer_deleteRetained;
	public static String TopicExplorer_deleteRetainedTitle;
	public static String TopicExplorer_deleteRetainedQuestion;
	public static String TopicExplorer_delete;
	public static String TopicExplorer_deleted;
	public static String TopicExplorer_noRetained;
	public static String TopicExplorer_copyTopic;
	public static String TopicExplorer_copyPayload;
	public static String TopicExplorer_export;
	public static String TopicExplorer_exported;
	public static String TopicExplorer_filter;
	public static String TopicExplorer_filterHint;
	public static String TopicExplorer_topicsTab;
	public static String TopicExplorer_devicesTab;
	public static String TopicExplorer_columnTopic;
	public static String TopicExplorer_columnMessages;
	public static String TopicExplorer_columnValue;
	public static String TopicExplorer_columnRetained;
	public static String TopicExplorer_columnAge;
	public static String TopicExplorer_retained;
	public static String TopicExplorer_emptyLevel;
	public static String TopicExplorer_ageSeconds;
	public static String TopicExplorer_ageMinutes;
	public static String TopicExplorer_ageHours;
	public static String TopicExplorer_ageDays;
	public static String TopicExplorer_connecting;
	public static String TopicExplorer_connected;
	public static String TopicExplorer_disconnected;
	public static String TopicExplorer_reconnectNow;
	public static String TopicExplorer_reconnectNowTooltip;
	public static String TopicExplorer_notConnected;
	public static String TopicExplorer_selectTopic;
	public static String TopicExplorer_saveFailed;
	public static String TopicExplorer_secureStorage;
	public static String TopicExplorer_readingProjects;
	public static String TopicExplorer_noStateTopic;
	public static String TopicExplorer_tabPayload;
	public static String TopicExplorer_tabHistory;
	public static String TopicExplorer_tabDiff;
	public static String TopicExplorer_tabChart;
	public static String TopicExplorer_historyTime;
	public static String TopicExplorer_historyQos;
	public static String TopicExplorer_historySize;
	public static String TopicExplorer_chartTime;
	public static String TopicExplorer_chartValue;
	public static String TopicExplorer_info;
	public static String TopicExplorer_subtree;
	public static String TopicExplorer_showAll;
	public static String TopicExplorer_noPrevious;
	public static String TopicExplorer_contentType;
	public static String TopicExplorer_expiry;
	public static String TopicExplorer_userProperty;

	public static String UploadJob_name;
	public static String UploadJob_done;
	public static String UploadJob_nothing;
	public static String UploadJob_nothingButDeleted;
	public static String UploadJob_failed;
	public static String FlashJob_name;
	public static String FlashJob_done;
	public static String FlashJob_nothing;
	public static String FlashJob_failed;
	public static String PortDialog_title;
	public static String PortDialog_message;
	public static String PortDialog_port;
	public static String PortDialog_baud;
	public static String PortDialog_listing;
	public static String PortDialog_noPorts;
	public static String PortDialog_portMissing;
	public static String PortDialog_baudInvalid;
	public static String UploadHandler_title;
	public static String UploadHandler_noProject;
	public static String FlashHandler_title;

	public static String RunOnBoard_noProject;
	public static String RunOnBoard_noFile;
	public static String RunOnBoard_noPort;
	public static String RunOnBoard_running;
	public static String RunOnBoard_reset;
	public static String RunOnBoard_failed;
	public static String RunOnBoardTab_name;
	public static String RunOnBoardTab_project;
	public static String RunOnBoardTab_file;
	public static String RunOnBoardTab_fileHint;
	public static String BoardProcess_lost;
	public static String BoardFiles_title;
	public static String BoardFiles_job;
	public static String BoardFiles_failed;
	public static String BoardFiles_summary;
	public static String BoardFiles_path;
	public static String BoardFiles_size;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
