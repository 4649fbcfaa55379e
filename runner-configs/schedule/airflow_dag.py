"""Daily incremental loads of both warehouses (Airflow 2.x).

Each task runs the jar; its exit code decides the task state (0 success; 1, 2, 3 and 4 fail the
task, see README "Exit codes") and its --summaryJson file is the alert payload. The loads must be
done by 07:00 UTC: a task that is still running then misses its SLA and sla_miss_callback fires,
and execution_timeout stops a load that hangs.
"""
import json
from datetime import datetime, timedelta
from pathlib import Path

from airflow import DAG
from airflow.operators.bash import BashOperator

JAR = "/opt/warehouse-etl/warehouse-etl.jar"
INPUT = "s3://YOUR-BUCKET/landing"
STATE = Path("/var/lib/warehouse-etl")
# The password comes from AWS Secrets Manager; nothing secret lives in the DAG.
WAREHOUSE = ("--jdbcUrl=jdbc:postgresql://db.internal:5432/dw --dbUser=etl "
             "--dbPasswordSecret=warehouse/etl-password --awsRegion=us-east-1")


def alert(context):
    """Failure hook: send the run summary the load wrote (status, exit code, failed checks)."""
    task = context["task_instance"].task_id
    summary = STATE / f"summary-{task.removeprefix('load_')}.json"
    detail = json.loads(summary.read_text()) if summary.exists() else {"status": "no summary written"}
    # Replace with your pager or chat hook; this goes to the task log.
    print(f"ALERT {task}: {detail.get('status')} exit={detail.get('exit_code')} {detail.get('message')}")


def sla_missed(dag, task_list, blocking_task_list, slas, blocking_tis):
    print(f"ALERT: the loads are not done by 07:00 UTC: {task_list}")


with DAG(
    dag_id="warehouse_etl_daily",
    schedule="30 4 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    sla_miss_callback=sla_missed,
    default_args={
        "retries": 1,
        "retry_delay": timedelta(minutes=10),
        "on_failure_callback": alert,
        "sla": timedelta(hours=2, minutes=30),  # 04:30 + 2:30 = 07:00
        "execution_timeout": timedelta(hours=2),
    },
) as dag:
    extract_cpi = BashOperator(
        task_id="extract_cpi",
        bash_command=f"java -jar {JAR} extract cpi --output={INPUT}/movalytics --awsRegion=us-east-1",
    )
    loads = []
    for warehouse in ("sparkify", "movalytics"):
        loads.append(BashOperator(
            task_id=f"load_{warehouse}",
            bash_command=(f"java -jar {JAR} {warehouse} --input={INPUT}/{warehouse} {WAREHOUSE} "
                          f"--summaryJson={STATE}/summary-{warehouse}.json --progressSeconds=60"
                          # the report task answers the questions
                          + (" --answersAfterLoad=false" if warehouse == "movalytics" else "")),
        ))
    reports = [
        BashOperator(
            task_id=f"report_{warehouse}",
            bash_command=f"java -jar {JAR} report {warehouse} {WAREHOUSE} --output={STATE}/reports",
        )
        for warehouse in ("sparkify", "movalytics")
    ]
    extract_cpi >> loads[1]
    loads[0] >> reports[0]
    loads[1] >> reports[1]
