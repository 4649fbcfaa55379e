-- One row per credited person (a few hundred thousand). A copy on every node.
create table if not exists d_person (
  person_id  bigint         not null primary key,
  name       varchar(1024)  not null,
  gender     integer
)
diststyle all
sortkey (person_id);
