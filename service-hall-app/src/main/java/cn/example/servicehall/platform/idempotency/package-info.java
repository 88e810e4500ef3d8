/** The platform's idempotency: idempotent requests (Idempotency-Key). */
@org.springframework.modulith.NamedInterface("idempotency")
package cn.example.servicehall.platform.idempotency;
