/** The folder holding Janus's plugins/ and transports/ (JANUS_LIB_DIR, else where the Debian package put them). */
export function janusLibDir(): string;
