/* GSS-API entry points for the portable ctxtrim binary, linked only by scripts/package.
 *
 * Debian's libgit2 is built with Negotiate (Kerberos/SPNEGO) HTTP authentication, so libgit2.a refers to these
 * symbols, but Debian ships no static libgssapi_krb5. ctxtrim only opens local repositories and never fetches, so
 * the Negotiate code is unreachable; each stub fails with GSS_S_FAILURE, which libgit2 reports as "authentication
 * unavailable" should a network transport ever be used. */
#include <stddef.h>
#include <stdint.h>

typedef uint32_t OM_uint32;
typedef void *gss_opaque;

/* GSS_S_FAILURE: routine error 13 in the routine-error field (bits 16-23), RFC 2744 section 3.9.1. */
static const OM_uint32 ctxtrim_gss_failure = 13u << 16;

static OM_uint32 ctxtrim_gss_fail(OM_uint32 *minor_status) {
    if (minor_status != NULL) *minor_status = 0;
    return ctxtrim_gss_failure;
}

/* The OID of host-based service names; a null OID, since no name is ever imported. */
gss_opaque GSS_C_NT_HOSTBASED_SERVICE = NULL;

OM_uint32 gss_indicate_mechs(OM_uint32 *minor_status, gss_opaque *mech_set) {
    if (mech_set != NULL) *mech_set = NULL;
    return ctxtrim_gss_fail(minor_status);
}

OM_uint32 gss_import_name(OM_uint32 *minor_status, const void *input_name_buffer, gss_opaque input_name_type,
                          gss_opaque *output_name) {
    (void)input_name_buffer;
    (void)input_name_type;
    if (output_name != NULL) *output_name = NULL;
    return ctxtrim_gss_fail(minor_status);
}

OM_uint32 gss_init_sec_context(OM_uint32 *minor_status, gss_opaque claimant_cred_handle, gss_opaque *context_handle,
                               gss_opaque target_name, gss_opaque mech_type, OM_uint32 req_flags, OM_uint32 time_req,
                               gss_opaque input_chan_bindings, const void *input_token, gss_opaque *actual_mech_type,
                               void *output_token, OM_uint32 *ret_flags, OM_uint32 *time_rec) {
    (void)claimant_cred_handle;
    (void)context_handle;
    (void)target_name;
    (void)mech_type;
    (void)req_flags;
    (void)time_req;
    (void)input_chan_bindings;
    (void)input_token;
    (void)output_token;
    if (actual_mech_type != NULL) *actual_mech_type = NULL;
    if (ret_flags != NULL) *ret_flags = 0;
    if (time_rec != NULL) *time_rec = 0;
    return ctxtrim_gss_fail(minor_status);
}

OM_uint32 gss_display_status(OM_uint32 *minor_status, OM_uint32 status_value, int status_type, gss_opaque mech_type,
                             OM_uint32 *message_context, void *status_string) {
    (void)status_value;
    (void)status_type;
    (void)mech_type;
    (void)status_string;
    if (message_context != NULL) *message_context = 0;
    return ctxtrim_gss_fail(minor_status);
}

/* Nothing is ever allocated by the stubs above, so releasing succeeds without doing anything. */
OM_uint32 gss_delete_sec_context(OM_uint32 *minor_status, gss_opaque *context_handle, void *output_token) {
    (void)output_token;
    if (context_handle != NULL) *context_handle = NULL;
    if (minor_status != NULL) *minor_status = 0;
    return 0;
}

OM_uint32 gss_release_buffer(OM_uint32 *minor_status, void *buffer) {
    (void)buffer;
    if (minor_status != NULL) *minor_status = 0;
    return 0;
}

OM_uint32 gss_release_name(OM_uint32 *minor_status, gss_opaque *name) {
    if (name != NULL) *name = NULL;
    if (minor_status != NULL) *minor_status = 0;
    return 0;
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor_status, gss_opaque *set) {
    if (set != NULL) *set = NULL;
    if (minor_status != NULL) *minor_status = 0;
    return 0;
}
