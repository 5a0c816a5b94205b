#ifndef CTXTRIM_CLIBCRYPTO_SHIM_H
#define CTXTRIM_CLIBCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for its SHA-256 and MD5 (SHA-NI and AVX2 code paths where the CPU has them). */
#include <openssl/evp.h>
#endif
