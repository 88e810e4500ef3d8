/** The platform's database: the embedded PostgreSQL and what a dead hall left running. */
@org.springframework.modulith.NamedInterface("database")
package cn.example.servicehall.platform.database;
