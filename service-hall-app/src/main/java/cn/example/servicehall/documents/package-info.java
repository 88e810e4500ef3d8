/**
 * 电子证照: the documents a citizen takes away (acceptance receipt, one-time notice, loan contract, IOU, disbursement
 * notice, completion receipt, withdrawal receipt) rendered from the templates in {@code document-templates}, numbered,
 * stamped with the issuing agency's seal and a verification QR code, signed, and kept immutably. Knows templates and
 * documents, not cases: the steps that issue a document call in here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents",
		allowedDependencies = { "platform", "platform :: money", "platform :: numbering", "platform :: web", "audit" })
package cn.example.servicehall.documents;
