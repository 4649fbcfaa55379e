create table if not exists d_person (
  person_id  bigint         not null primary key,
  name       varchar(1024)  not null,
  gender     integer
);
