import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.ts';

export function registerMeetingsRoutes(app: FastifyInstance, db: Db): void {
  void app;
  void db;
}
