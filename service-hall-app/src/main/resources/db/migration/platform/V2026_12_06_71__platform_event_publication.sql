-- Spring Modulith's event publication registry (spring-modulith-events-jdbc, schema-postgresql.sql of 1.4): an event
-- handed to a listener after commit (@ApplicationModuleListener) is kept here from the commit that published it until
-- the listener has done its part; what a dead hall left incomplete is published again when it starts.
create table event_publication
(
  id               uuid not null,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone,
  primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
