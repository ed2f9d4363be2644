import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.ts';

export function registerProjectsRoutes(app: FastifyInstance, db: Db): void {
  void app;
  void db;
}
