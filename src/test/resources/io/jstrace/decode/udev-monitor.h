/* libudev's monitor message header (systemd src/libsystemd/sd-device/device-monitor.c), which no installed header declares. */
struct udev_monitor_netlink_header {
	char prefix[8];
	unsigned int magic;
	unsigned int header_size;
	unsigned int properties_off;
	unsigned int properties_len;
	unsigned int filter_subsystem_hash;
	unsigned int filter_devtype_hash;
	unsigned int filter_tag_bloom_hi;
	unsigned int filter_tag_bloom_lo;
};
