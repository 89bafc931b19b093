-- One database per service (docker-compose only; the launcher creates them itself).
create database registry;
create database catalog;
create database reporting;
create database evaluation;
