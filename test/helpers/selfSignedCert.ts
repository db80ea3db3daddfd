/**
 * A self-signed certificate (and its key) for TLS test servers on loopback, valid until 2126 for the names
 * skim.test and localhost and the address 127.0.0.1. Made with openssl (EC P-256, CA:TRUE so clients can
 * trust it directly). For tests only: the key is public.
 */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKvyQDUrpV7TcNegJ
3uiCGJR9SWuy6d6DO4iiXDjqE5ShRANCAAQ6ZBkKiHt/wBo/C3BbrrkWoiib4SjH
Du4wXfdblK9rhnUWpGX8Sti+H46mMLGfYE7IemPi02FvD3+DAQrt2GBZ
-----END PRIVATE KEY-----
`;

export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBpjCCAUygAwIBAgIUEgeB5sozI0KV7Ca9JZQ52OHazSQwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJc2tpbS50ZXN0MCAXDTI2MTEyODE4NDEzNloYDzIxMjYxMTA0
MTg0MTM2WjAUMRIwEAYDVQQDDAlza2ltLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ6ZBkKiHt/wBo/C3BbrrkWoiib4SjHDu4wXfdblK9rhnUWpGX8Sti+
H46mMLGfYE7IemPi02FvD3+DAQrt2GBZo3oweDAdBgNVHQ4EFgQUTME25Y3e4+V+
SLafKMWw5l4aAbgwHwYDVR0jBBgwFoAUTME25Y3e4+V+SLafKMWw5l4aAbgwDwYD
VR0TAQH/BAUwAwEB/zAlBgNVHREEHjAcgglza2ltLnRlc3SCCWxvY2FsaG9zdIcE
fwAAATAKBggqhkjOPQQDAgNIADBFAiEAurjaVd2Dw8ZzS6XxnxnL/HpaQFfyryhQ
EO3AcgatJE8CIHVveX6dtr79ceAFjZa30+fBRstt9lWUTI/gqKEH0lbB
-----END CERTIFICATE-----
`;
